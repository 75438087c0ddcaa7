package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.CatalogRepository.LoadResult;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.testdata.PlanBuilder;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import cn.lyg.xilian.core.testdata.TaskBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

import java.util.ArrayList;
import java.util.List;

import static cn.lyg.xilian.dynamodb.Fixtures.CATALOG_ITEMS;
import static cn.lyg.xilian.dynamodb.Fixtures.PAIRS;
import static cn.lyg.xilian.dynamodb.Fixtures.TASK_1_2;
import static cn.lyg.xilian.dynamodb.Fixtures.TASK_3_1_1;
import static cn.lyg.xilian.dynamodb.Fixtures.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each test uses its own plan year, so the tests of this class stay independent on the shared table.
 */
class DynamoCatalogRepositoryTest {

    @RegisterExtension
    static final TestTable table = TestTable.perClass();
    private static DynamoCatalogRepository catalog;
    private static DynamoProgressRepository progress;

    @BeforeAll
    static void repositories() {
        catalog = table.catalog();
        progress = table.progress();
    }

    @Test
    void firstLoadCreatesEveryItemAndTheCatalogReadsBackEqual() {
        Plan plan = Fixtures.plan();

        LoadResult result = catalog.load(plan);

        assertThat(result).isEqualTo(new LoadResult(CATALOG_ITEMS + PAIRS, 0, 0));
        assertThat(catalog.plan(YEAR)).contains(plan);
        assertThat(TestTable.task(catalog, YEAR, "3.1.1")).contains(TASK_3_1_1);
        assertThat(progress.allStates(YEAR)).hasSize(PAIRS).allSatisfy(s -> assertThat(s.reported()).isFalse());
    }

    @Test
    void theLoadedYearsAreListedAndLoadingTheNextYearTouchesNothingOfTheFirst() {
        Plan first = inYear(Fixtures.plan(), 2201);
        Plan next = inYear(Fixtures.plan(List.of(TASK_1_2)), 2202);
        catalog.load(first);
        List<TaskUnitState> firstStates = progress.allStates(2201);

        catalog.load(next);

        assertThat(catalog.years()).contains(2201, 2202).isSorted();
        assertThat(catalog.plan(2201)).contains(first);
        assertThat(progress.allStates(2201)).isEqualTo(firstStates);
        assertThat(catalog.plan(2202)).contains(next);
        assertThat(catalog.load(first).changedNothing()).isTrue();
        assertThat(catalog.years().stream().filter(y -> y == 2201)).hasSize(1);
    }

    @Test
    void secondLoadOfTheSamePlanWritesNothing() {
        Plan plan = inYear(Fixtures.plan(), 2101);
        catalog.load(plan);

        LoadResult again = catalog.load(plan);

        assertThat(again).isEqualTo(new LoadResult(0, 0, CATALOG_ITEMS + PAIRS));
        assertThat(again.changedNothing()).isTrue();
    }

    @Test
    void aChangedTaskIsUpdatedAndNothingElse() {
        Plan plan = inYear(Fixtures.plan(), 2102);
        catalog.load(plan);
        PlanTask renamed = Fixtures.withTitle(TASK_1_2, "互派干部挂职（修订）");
        Plan changed = with(plan, Fixtures.replace(plan.tasks(), renamed));

        LoadResult result = catalog.load(changed);

        assertThat(result).isEqualTo(new LoadResult(0, 1, CATALOG_ITEMS + PAIRS - 1));
        assertThat(TestTable.task(catalog, 2102, "1.2")).map(PlanTask::title).contains("互派干部挂职（修订）");
        assertThat(catalog.plan(2102)).contains(changed);
    }

    @Test
    void reportedProgressSurvivesAReload() {
        int year = 2103;
        Plan plan = inYear(Fixtures.plan(), year);
        catalog.load(plan);
        progress.record(inYear(Fixtures.submission("1.2", "ganyu", "k1", "2026-05-01T02:00:00Z"), year));

        catalog.load(plan);
        catalog.load(with(plan, Fixtures.replace(plan.tasks(), Fixtures.withTitle(TASK_1_2, "新标题"))));

        TaskUnitState state = TestTable.state(progress, year, "1.2", "ganyu").orElseThrow();
        assertThat(state.latest()).isNotNull();
        assertThat(state.latest().idempotencyKey()).isEqualTo("k1");
    }

    @Test
    void aRemovedUnitKeepsItsReportedStateHiddenAndGetsItBackWhenReassigned() {
        int year = 2104;
        Plan plan = inYear(Fixtures.plan(), year);
        catalog.load(plan);
        progress.record(inYear(Fixtures.submission("3.1.1", "ganyu", "k1", "2026-05-01T02:00:00Z"), year));
        // ganyu reported on 3.1.1, donghai did not; both leave the task.
        Plan reduced = with(plan, Fixtures.replace(plan.tasks(), Fixtures.withUnits(TASK_3_1_1, "fgw")));

        LoadResult result = catalog.load(reduced);

        // task item changed + ganyu's state unassigned + donghai's state deleted
        assertThat(result).isEqualTo(new LoadResult(0, 3, CATALOG_ITEMS - 1 + PAIRS - 2));
        assertThat(progress.statesOfTask(year, "3.1.1")).extracting(TaskUnitState::unitId).containsExactly("fgw");
        assertThat(TestTable.state(progress, year, "3.1.1", "ganyu")).isEmpty();
        assertThat(progress.historyOfTask(year, "3.1.1")).hasSize(1);
        assertThat(catalog.load(reduced).changedNothing()).isTrue();

        LoadResult restored = catalog.load(plan);

        assertThat(restored).isEqualTo(new LoadResult(1, 2, CATALOG_ITEMS - 1 + PAIRS - 2));
        assertThat(TestTable.state(progress, year, "3.1.1", "ganyu").orElseThrow().latest().idempotencyKey()).isEqualTo("k1");
        assertThat(TestTable.state(progress, year, "3.1.1", "donghai").orElseThrow().reported()).isFalse();
    }

    @Test
    void aRemovedTaskIsDeletedFromTheCatalog() {
        int year = 2105;
        Plan plan = inYear(Fixtures.plan(), year);
        catalog.load(plan);
        // The last task: removing an earlier one would also move the position of the tasks after it.
        Plan without = with(plan, plan.tasks().stream().filter(t -> !t.id().equals("3.1.1")).toList());

        LoadResult result = catalog.load(without);

        // the task item deleted + its three never-reported states deleted
        assertThat(result).isEqualTo(new LoadResult(0, 4, CATALOG_ITEMS - 1 + PAIRS - 3));
        assertThat(catalog.plan(year)).contains(without);
        assertThat(TestTable.task(catalog, year, "3.1.1")).isEmpty();
        assertThat(progress.statesOfTask(year, "3.1.1")).isEmpty();
    }

    @Test
    void anUnknownYearHasNoPlan() {
        assertThat(catalog.plan(1999)).isEmpty();
    }

    @Test
    void aCatalogLargerThanOneQueryPageReadsBackWhole() {
        int year = 2106;
        // 5 tasks of ~300 KB each exceed the 1 MB a Query page returns, so reading needs several pages.
        String longText = "帮".repeat(100_000);
        List<PlanTask> tasks = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            tasks.add(TaskBuilder.task("2." + i).title("任务" + i).text(longText).units("fgw").deadline(TASK_1_2.deadline())
                    .build());
        }
        Plan big = inYear(Fixtures.plan(tasks), year);

        catalog.load(big);

        assertThat(catalog.plan(year)).contains(big);
        assertThat(catalog.load(big).changedNothing()).isTrue();
    }

    @Test
    void tableCreationIsIdempotentAndFollowsTheKeyConstants() {
        TableCreator creator = new TableCreator(table.client);

        assertThat(creator.createIfAbsent(table.settings.tableName())).isFalse();

        DescribeTableResponse described = table.client.describeTable(r -> r.tableName(table.settings.tableName()));
        assertThat(described.table().keySchema()).extracting(KeySchemaElement::attributeName)
                .containsExactly(TableDefinition.PK, TableDefinition.SK);
        assertThat(described.table().globalSecondaryIndexes())
                .extracting(i -> i.indexName() + ":" + i.keySchema().get(0).attributeName() + "/"
                        + i.keySchema().get(1).attributeName())
                .containsExactlyInAnyOrder("gsi1:gsi1pk/gsi1sk", "gsi2:gsi2pk/gsi2sk");
    }

    private static Plan inYear(Plan plan, int year) {
        return PlanBuilder.from(plan).year(year).build();
    }

    private static cn.lyg.xilian.core.progress.Submission inYear(cn.lyg.xilian.core.progress.Submission s, int year) {
        return SubmissionBuilder.from(s).year(year).build();
    }

    private static Plan with(Plan plan, List<PlanTask> tasks) {
        return PlanBuilder.from(plan).tasks(tasks).build();
    }
}
