package cn.lyg.xilian.tools;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.progress.InMemoryProgressRepository;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.SubmitOutcome;
import cn.lyg.xilian.core.progress.SubmitProgress;
import cn.lyg.xilian.core.testdata.PlanBuilder;
import cn.lyg.xilian.core.testdata.ProgressInputBuilder;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import cn.lyg.xilian.core.testdata.TaskBuilder;
import cn.lyg.xilian.wiring.CatalogJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test data builders' defaults (core's test-jar) against the real 2026 plan, read as the importer reads it
 * (the core cannot read the plan's JSON: CatalogJson lives in wiring).
 */
class TestDataDefaultsTest {

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


    @Test
    void copiesOfThe2026PlanAndItsTasksAreEqual() throws IOException {
        Plan plan = plan2026();
        assertThat(PlanBuilder.from(plan).build()).isEqualTo(plan);
        plan.tasks().forEach(t -> assertThat(TaskBuilder.from(t).build()).isEqualTo(t));
    }
}
