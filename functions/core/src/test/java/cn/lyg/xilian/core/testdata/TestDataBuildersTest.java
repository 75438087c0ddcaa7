package cn.lyg.xilian.core.testdata;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.catalog.CatalogJson;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.progress.InMemoryProgressRepository;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.SubmitOutcome;
import cn.lyg.xilian.core.progress.SubmitProgress;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the builders promise the tests that use them: valid defaults, complete copies, every field filled. */
class TestDataBuildersTest {

    private static Plan plan2026() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("xilian.root", "../.."))
                .resolve("infra/plans/plan-2026.json"))) {
            return CatalogJson.read(in);
        }
    }

    /** The default report is one the 2026 plan accepts: its task exists, its unit is responsible, its input valid. */
    @Test
    void theDefaultsAreAValidReportOfThe2026Plan() throws IOException {
        Plan plan = plan2026();
        Submission s = SubmissionBuilder.submission().build();
        assertThat(s.planYear()).isEqualTo(plan.year());
        assertThat(plan.task(s.taskId())).hasValueSatisfying(t -> assertThat(t.isResponsible(s.unitId())).isTrue());

        SubmitProgress submit = new SubmitProgress(new InMemoryProgressRepository(),
                Clock.fixed(s.submittedAt(), ZoneOffset.UTC));
        SubmitOutcome outcome = submit.submit(plan, new Principal(Role.UNIT, s.unitId(), "h"), s.taskId(),
                ProgressInputBuilder.input().build());
        assertThat(outcome).isInstanceOf(SubmitOutcome.Stored.class);
        assertThat(((SubmitOutcome.Stored) outcome).submission().sameReport(
                SubmissionBuilder.from(s).key("report-0001").build())).as("the two builders' defaults agree").isTrue();
    }

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
    void planAndTaskCopiesAreEqual() throws IOException {
        Plan plan = plan2026();
        assertThat(PlanBuilder.from(plan).build()).isEqualTo(plan);
        plan.tasks().forEach(t -> assertThat(TaskBuilder.from(t).build()).isEqualTo(t));
        assertThat(PlanBuilder.plan().task(TaskBuilder.task("1.1").units("ganyu")).build().task("1.1"))
                .hasValueSatisfying(t -> assertThat(t.isResponsible("ganyu")).isTrue());
    }
}
