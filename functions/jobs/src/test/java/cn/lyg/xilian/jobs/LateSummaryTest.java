package cn.lyg.xilian.jobs;

import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.report.LedgerWriter;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.report.SummaryMailRenderer;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.report.ReportWeek;
import cn.lyg.xilian.core.report.SendWeeklySummary;
import cn.lyg.xilian.core.report.WeeklySummary;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A summary of 2026-W48 built on time and again after more reports came in (DynamoDB on dynalite, the real
 * renderer and ledger writer): the same summary, the same email apart from its Date header, the same .xlsx bytes.
 */
@ExtendWith(DynaliteExtension.class)
class LateSummaryTest {

    private static final ReportWeek W48 = ReportWeek.parse("2026-W48"); // 11-23 … 11-29, ends 11-30 00:00 Shanghai

    @Test
    void aLateSummaryAfterMoreReportsEqualsTheOnTimeOne(Dynalite dynalite) {
        try (JobsTestApp app = JobsTestApp.start(dynalite, "late-summary", null, Map.of())) {
            ProgressRepository progress = app.context.getBean(ProgressRepository.class);
            PlanTask task = app.firstTask();
            String unit = task.unitIds().getFirst();
            progress.record(report(task, unit, "w48-a", ProgressStatus.IN_PROGRESS, 30, "2026-11-24T02:00:00Z"));
            progress.record(report(task, unit, "w48-b", ProgressStatus.BLOCKED, 35, "2026-11-28T02:00:00Z"));
            SendWeeklySummary useCase = app.context.getBean(SendWeeklySummary.class);
            WeeklySummary onTime = useCase.summaryOf(2026, W48);
            String onTimeMail = coordinatorsMail(app, onTime);

            // After the week: Monday 00:30 (before the scheduled run), later that week, and another pair's first report.
            progress.record(report(task, unit, "w49-a", ProgressStatus.DONE, 100, "2026-11-29T16:30:00Z"));
            progress.record(report(task, unit, "w49-b", ProgressStatus.DONE, 100, "2026-12-01T02:00:00Z"));
            String other = task.unitIds().size() > 1 ? task.unitIds().get(1) : app.plan.tasks().get(1).unitIds().getFirst();
            PlanTask otherTask = task.unitIds().size() > 1 ? task : app.plan.tasks().get(1);
            progress.record(report(otherTask, other, "w49-c", ProgressStatus.IN_PROGRESS, 50, "2026-11-30T03:00:00Z"));
            assertThat(progress.allStates(2026)).as("today's picture did change")
                    .anySatisfy(s -> assertThat(s.latest() != null && s.latest().status() == ProgressStatus.DONE).isTrue());

            WeeklySummary late = useCase.summaryOf(2026, W48);

            assertThat(late).isEqualTo(onTime);
            assertThat(coordinatorsMail(app, late)).isEqualTo(onTimeMail);
            LedgerWriter xlsx = app.context.getBean(LedgerWriter.class, io.micronaut.inject.qualifiers.Qualifiers.byName("xlsx"));
            assertThat(xlsx.write(late.ledger())).isEqualTo(xlsx.write(onTime.ledger()));
            assertThat(late.ledger().rows()).filteredOn(r -> r.taskId().equals(task.id()) && r.unitId().equals(unit))
                    .singleElement().satisfies(r -> {
                        assertThat(r.statusLabel()).isEqualTo("受阻");
                        assertThat(r.submissions()).isEqualTo(2);
                    });
        }
    }

    private static Submission report(PlanTask task, String unit, String key, ProgressStatus status, int percent, String at) {
        return SubmissionBuilder.submission(task.id(), unit).key(key + "-" + unit).status(status, percent)
                .progress("进展" + key).problems(status == ProgressStatus.BLOCKED ? "资金未到位" : null).reporter("张三")
                .at(Instant.parse(at)).build();
    }

    /** The coordinators' summary as sent, without the Date header (the time of sending). */
    private static String coordinatorsMail(JobsTestApp app, WeeklySummary summary) {
        SummaryMailRenderer renderer = app.context.getBean(SummaryMailRenderer.class);
        LedgerWriter xlsx = app.context.getBean(LedgerWriter.class, io.micronaut.inject.qualifiers.Qualifiers.byName("xlsx"));
        byte[] mime = renderer.coordinatorsSummary(summary, new SummaryMailRenderer.Envelope(List.of(JobsTestApp.COORDINATOR),
                "weekly-2026-W48-coordinators-g0@test", new SummaryMailRenderer.Attachment("ledger.xlsx",
                xlsx.contentType(), xlsx.write(summary.ledger())))).mime();
        return new String(mime, StandardCharsets.US_ASCII).replaceAll("(?m)^Date: .*$", "Date: -");
    }
}
