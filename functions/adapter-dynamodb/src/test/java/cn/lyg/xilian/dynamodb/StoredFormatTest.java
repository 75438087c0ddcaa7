package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored format is the contract with every deployed table. {@code stored-items.jsonl} holds one item of each
 * type as the adapter wrote it with the Enhanced Client (before the hand-written mappers), captured by running
 * {@link StoredFormatScenario}: the same scenario must write exactly those items today, and items in that format
 * must read back as what the scenario wrote.
 */
@ExtendWith(DynaliteExtension.class)
class StoredFormatTest {

    private static TestTable written;
    private static TestTable fromFixture;

    @BeforeAll
    static void createTables(Dynalite dynalite) throws IOException {
        written = TestTable.create(dynalite, StoredFormatTest.class);
        StoredFormatScenario.write(written);
        fromFixture = fromFixture(dynalite);
    }

    /** A new table holding the fixture's items, put as they are. */
    private static TestTable fromFixture(Dynalite dynalite) throws IOException {
        TestTable table = TestTable.create(dynalite, StoredFormatTest.class);
        for (String line : fixture()) {
            table.client.putItem(b -> b.tableName(table.settings.tableName()).item(StoredItemsJson.item(line)));
        }
        return table;
    }

    @AfterAll
    static void close() {
        written.close();
        fromFixture.close();
    }

    @Test
    void everyItemTypeIsWrittenExactlyAsBefore() throws IOException {
        assertThat(StoredItemsJson.lines(scan(written))).containsExactlyElementsOf(fixture());
    }

    @Test
    void itemsInTheStoredFormatReadAsWhatWasWritten() {
        int year = Fixtures.YEAR;
        assertThat(fromFixture.catalog().plan(year)).isEqualTo(written.catalog().plan(year)).isPresent();
        assertThat(fromFixture.progress().allStates(year)).isEqualTo(written.progress().allStates(year));
        for (String unit : List.of("ganyu", "donghai", "fgw")) {
            assertThat(fromFixture.progress().statesOfUnit(year, unit)).as(unit)
                    .containsExactlyInAnyOrderElementsOf(written.progress().statesOfUnit(year, unit));
        }
        for (String task : List.of("1.1", "1.2", "3.1.1")) {
            assertThat(fromFixture.progress().historyOfTask(year, task)).as(task)
                    .isEqualTo(written.progress().historyOfTask(year, task));
            assertThat(supervision(fromFixture).ofTask(year, task)).as(task)
                    .isEqualTo(supervision(written).ofTask(year, task));
        }
        assertThat(new DynamoAlertRepository(fromFixture.client, fromFixture.settings).pending(year))
                .isEqualTo(new DynamoAlertRepository(written.client, written.settings).pending(year)).hasSize(2);
        var digests = new DynamoDigestRepository(fromFixture.client, fromFixture.settings);
        assertThat(digests.ofWeek(year, StoredFormatScenario.WEEK))
                .isEqualTo(new DynamoDigestRepository(written.client, written.settings).ofWeek(year, StoredFormatScenario.WEEK))
                .hasSize(2);
        assertThat(digests.snapshot(year, StoredFormatScenario.WEEK)).isEqualTo(
                new DynamoDigestRepository(written.client, written.settings).snapshot(year, StoredFormatScenario.WEEK));
        var credentials = new DynamoCredentialRepository(fromFixture.client, fromFixture.settings);
        assertThat(credentials.list(null))
                .isEqualTo(new DynamoCredentialRepository(written.client, written.settings).list(null)).hasSize(3);
        assertThat(credentials.find("ace0").orElseThrow().accountId()).isEqualTo("c-0123456789");
        assertThat(credentials.find("beef").orElseThrow().revokedAt()).isEqualTo(StoredFormatScenario.T0.plusSeconds(3));
        var directory = new DynamoDirectory(fromFixture.client, fromFixture.settings).read();
        assertThat(directory).isEqualTo(new DynamoDirectory(written.client, written.settings).read());
        assertThat(directory.units()).singleElement().satisfies(u -> {
            assertThat(u.version()).isEqualTo(2);
            assertThat(u.contacts()).containsExactly("ganyu@example.cn", "lianluo@example.cn");
            assertThat(u.lastSignInAt()).isEqualTo(StoredFormatScenario.T0.plusSeconds(20));
        });
        assertThat(directory.coordinators()).extracting(c -> c.active()).containsExactly(true, false);
        assertThat(new DynamoAuditLog(fromFixture.client, fromFixture.settings).month(java.time.YearMonth.of(2026, 11)))
                .isEqualTo(new DynamoAuditLog(written.client, written.settings).month(java.time.YearMonth.of(2026, 11)))
                .hasSize(2);
        assertThat(new DynamoSessionRepository(fromFixture.client, fromFixture.settings).find("5e55"))
                .isEqualTo(new DynamoSessionRepository(written.client, written.settings).find("5e55")).isPresent();
    }

    @Test
    void theOverlaysOfAStateReadFromTheStoredFormat() {
        TaskUnitState state = TestTable.state(fromFixture.progress(), Fixtures.YEAR, "3.1.1", "ganyu").orElseThrow();
        assertThat(state.latest().idempotencyKey()).isEqualTo("k-2");
        assertThat(state.latest().figures()).containsKeys("t1", "t2");
        assertThat(state.submissions()).isEqualTo(2);
        assertThat(state.review().reason()).isEqualTo("请补充材料");
        assertThat(state.evidence()).containsExactly("合同.pdf");
    }

    @Test
    void reloadingTheSamePlanOverTheStoredFormatChangesNothing(Dynalite dynalite) throws IOException {
        // the content hashes of the stored items match today's: an unchanged plan rewrites nothing
        try (TestTable table = fromFixture(dynalite)) {
            CatalogRepository catalog = table.catalog();
            Plan stored = catalog.plan(Fixtures.YEAR).orElseThrow();
            CatalogRepository.LoadResult result = catalog.load(stored);
            assertThat(result.created()).isZero();
            assertThat(result.updated()).isZero();
            assertThat(StoredItemsJson.lines(scan(table))).containsExactlyElementsOf(fixture());
        }
    }

    @Test
    void anUnassignedPairKeepsItsProgressAndDeadlineUntilAssignedAgain(Dynalite dynalite) throws IOException {
        try (TestTable table = fromFixture(dynalite)) {
            assertThat(TestTable.state(table.progress(), Fixtures.YEAR, "1.2", "donghai")).isEmpty();
            table.catalog().load(Fixtures.plan());
            TaskUnitState again = TestTable.state(table.progress(), Fixtures.YEAR, "1.2", "donghai").orElseThrow();
            assertThat(again.latest().idempotencyKey()).isEqualTo("k-3");
            assertThat(again.extendedDeadline()).isEqualTo(LocalDate.of(2026, 12, 10));
        }
    }

    private static DynamoSupervisionRecords supervision(TestTable table) {
        return new DynamoSupervisionRecords(table.client, table.settings);
    }

    private static List<Map<String, AttributeValue>> scan(TestTable table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        table.client.scanPaginator(b -> b.tableName(table.settings.tableName())).items().forEach(items::add);
        return items;
    }

    private static List<String> fixture() throws IOException {
        try (InputStream in = StoredFormatTest.class.getResourceAsStream("/stored-items.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
