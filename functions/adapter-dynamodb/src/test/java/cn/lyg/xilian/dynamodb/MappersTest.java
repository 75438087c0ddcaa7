package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.alert.AlertRecord;
import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.alert.Finding;
import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.alert.Rule;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.report.DigestRecord;
import cn.lyg.xilian.core.report.ReportWeek;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import cn.lyg.xilian.dynamodb.CatalogItems.PlanHeaderItem;
import cn.lyg.xilian.dynamodb.CatalogItems.SectionItem;
import cn.lyg.xilian.dynamodb.CatalogItems.TaskItem;
import cn.lyg.xilian.dynamodb.CatalogItems.UnitItem;
import cn.lyg.xilian.dynamodb.DigestItems.DigestItem;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every item type written through its static schema reads back as the record it was written from (no table needed).
 */
class MappersTest {

    private static final Instant T = Instant.parse("2026-11-24T01:02:03.456Z");

    @Test
    void aPlanRoundTripsThroughItsCatalogItems() {
        Plan plan = Fixtures.plan();
        List<SectionItem> sections = new ArrayList<>();
        List<UnitItem> units = new ArrayList<>();
        List<TaskItem> tasks = new ArrayList<>();
        // written in reverse: the position attribute, not the item order, gives the notice's order
        for (int i = plan.sections().size() - 1; i >= 0; i--) {
            sections.add(roundTrip(SectionItem.SCHEMA, SectionItem.of(plan.year(), plan.sections().get(i), i)));
        }
        for (int i = plan.units().size() - 1; i >= 0; i--) {
            units.add(roundTrip(UnitItem.SCHEMA, UnitItem.of(plan.year(), plan.units().get(i), i)));
        }
        for (int i = plan.tasks().size() - 1; i >= 0; i--) {
            tasks.add(roundTrip(TaskItem.SCHEMA, TaskItem.of(plan.year(), plan.tasks().get(i), i)));
        }
        assertThat(CatalogItems.plan(roundTrip(PlanHeaderItem.SCHEMA, PlanHeaderItem.of(plan)), sections, units, tasks))
                .isEqualTo(plan);
    }

    @Test
    void theContentHashChangesWithTheContentOnly() {
        var task = Fixtures.TASK_3_1_1;
        String hash = TaskItem.of(2026, task, 2).contentHash();
        assertThat(TaskItem.of(2026, task, 2).contentHash()).isEqualTo(hash);
        assertThat(TaskItem.of(2026, Fixtures.withTitle(task, "共建园区（修订）"), 2).contentHash()).isNotEqualTo(hash);
    }

    @Test
    void aSubmissionRoundTripsThroughItsHistoryItemAndTheStatesLatestMap() {
        Submission full = SubmissionBuilder.complete().pair("3.1.1", "ganyu").key("k#1")
                .status(ProgressStatus.BLOCKED, 55).progress("完成签约").at(T).build();
        Submission sparse = SubmissionBuilder.submission("1.2", "donghai").key("k2").status(ProgressStatus.NOT_STARTED, 0)
                .progress(null).at(T).build();
        for (Submission s : List.of(full, sparse)) {
            assertThat(roundTrip(SubmissionItem.SCHEMA, SubmissionItem.of(s)).submission()).isEqualTo(s);
            assertThat(roundTrip(SubmissionData.SCHEMA, SubmissionData.of(s)).submission()).isEqualTo(s);
        }
        assertThat(SubmissionItem.SCHEMA.itemToMap(SubmissionItem.of(sparse), true))
                .doesNotContainKeys("progress", "problems", "phone");
    }

    @Test
    void aNewStateReadsAsAnAssignedPairWithoutReports() {
        var stored = roundTrip(StateItem.SCHEMA, StateItem.newState(2026, "1.2", "ganyu")).stored();
        assertThat(stored.assigned()).isTrue();
        assertThat(stored.state().latest()).isNull();
        assertThat(stored.state().submissions()).isZero();
        assertThat(stored.state().taskId()).isEqualTo("1.2");
        assertThat(stored.state().unitId()).isEqualTo("ganyu");
    }

    @Test
    void anAlertRoundTripsPendingPartlyDeliveredAndDelivered() {
        Finding f = new Finding(2026, "3.1.1", "ganyu", Rule.APPROACHING, Light.YELLOW, "lead-7", "距截止还有7天",
                LocalDate.of(2026, 11, 24));
        AlertRecord pending = AlertRecord.newlyFound(f, Set.of(Audience.unit("ganyu"), Audience.COORDINATORS), T);
        AlertRecord partly = pending.deliveredTo(Audience.unit("ganyu"));
        AlertRecord done = partly.deliveredTo(Audience.COORDINATORS);
        for (AlertRecord alert : List.of(pending, partly, done)) {
            assertThat(roundTrip(AlertItem.SCHEMA, AlertItem.of(alert)).alert()).isEqualTo(alert);
        }
        assertThat(AlertItem.SCHEMA.itemToMap(AlertItem.of(done), true))
                .doesNotContainKeys(AlertItem.PENDING_TO, TableDefinition.GSI2_PK, TableDefinition.GSI2_SK);
    }

    @Test
    void aDigestRecordRoundTripsPendingAndSent() {
        DigestRecord pending = DigestRecord.pending(2026, ReportWeek.parse("2026-W48"), "unit:ganyu", T);
        DigestRecord sent = new DigestRecord(2026, "2026-W48", "unit:ganyu", 1, T, T.plusSeconds(9), "<m-1@xilian>");
        assertThat(roundTrip(DigestItem.SCHEMA, DigestItem.of(pending)).record()).isEqualTo(pending);
        assertThat(roundTrip(DigestItem.SCHEMA, DigestItem.of(sent)).record()).isEqualTo(sent);
        assertThat(DigestItem.SCHEMA.itemToMap(DigestItem.of(sent), true)).doesNotContainKeys(TableDefinition.GSI2_PK);
    }

    /** Written as a put writes it (absent values left out), read back as a get reads it. */
    private static <T> T roundTrip(TableSchema<T> schema, T item) {
        return schema.mapToItem(schema.itemToMap(item, true));
    }
}
