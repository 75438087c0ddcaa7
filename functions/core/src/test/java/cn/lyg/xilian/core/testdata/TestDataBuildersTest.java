package cn.lyg.xilian.core.testdata;

import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.progress.Submission;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the builders promise the tests that use them: complete copies, every field filled, misspellings refused (that
 * the defaults are a report the 2026 plan accepts: tools' TestDataDefaultsTest, where the plan's JSON is read).
 */
class TestDataBuildersTest {

    /** complete() leaves no field empty, a field added later included, so round trips built on it cover it. */
    @Test
    void aCompleteReportHasEveryFieldAndACopyIsEqual() throws ReflectiveOperationException {
        Submission complete = SubmissionBuilder.complete().build();
        for (RecordComponent c : Submission.class.getRecordComponents()) {
            assertThat(c.getAccessor().invoke(complete)).as(c.getName()).isNotNull();
        }
        assertThat(complete.figures()).isNotEmpty();
        assertThat(SubmissionBuilder.from(complete).build()).isEqualTo(complete);
        assertThat(SubmissionBuilder.from(complete).at(Instant.parse("2026-12-01T00:00:00Z")).build())
                .isNotEqualTo(complete).satisfies(later -> assertThat(later.sameReport(complete)).isTrue());
    }

    @Test
    void aMisspelledFieldIsRefusedNotIgnored() {
        assertThatThrownBy(() -> SubmissionBuilder.submission().with("phon", "1")).hasMessageContaining("phon");
        assertThatThrownBy(() -> ProgressInputBuilder.input().field("phon", "1")).hasMessageContaining("phon");
    }

    @Test
    void theDefaultKeysOfDifferentPairsAndTimesDiffer() {
        assertThat(SubmissionBuilder.submission("1.1", "ganyu").build().idempotencyKey())
                .isNotEqualTo(SubmissionBuilder.submission("1.1", "donghai").build().idempotencyKey())
                .isNotEqualTo(SubmissionBuilder.submission("1.1", "ganyu").at(Instant.parse("2026-12-01T00:00:00Z"))
                        .build().idempotencyKey());
    }

    @Test
    void aBuiltPlanHoldsItsTasksAndCopiesAreEqual() {
        Plan plan = PlanBuilder.plan().task(TaskBuilder.task("1.1").units("ganyu")).build();
        assertThat(plan.task("1.1")).hasValueSatisfying(t -> assertThat(t.isResponsible("ganyu")).isTrue());
        assertThat(PlanBuilder.from(plan).build()).isEqualTo(plan);
        plan.tasks().forEach(t -> assertThat(TaskBuilder.from(t).build()).isEqualTo(t));
    }
}
