package cn.lyg.xilian.jobs;

import cn.lyg.xilian.wiring.PlanSettings;
import cn.lyg.xilian.core.report.SendWeeklySummary;
import cn.lyg.xilian.core.report.SummaryRunReport;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

import java.time.LocalDate;

/**
 * The weekly summary (EventBridge Scheduler, Monday 09:00 Asia/Shanghai; a daily schedule is fine too:
 * later days of the week only retry what is still pending). One use-case call: the summary of the ISO
 * week before {@code asOf}, or before today in Asia/Shanghai when the input has no date.
 *
 * <p>It never re-sends: a week already sent is skipped. The admin re-send is
 * {@code RunJobCommand weekly-summary --resend 2026-W47} (functions/jobs/README.md).
 */
public class WeeklySummaryHandler extends MicronautRequestHandler<JobRequest, WeeklySummaryResult> {

    @Inject
    SendWeeklySummary summary;

    @Inject
    PlanSettings plan;

    /** Read once per invocation: an address a coordinator added a minute ago is used by this run. */
    @Inject
    cn.lyg.xilian.core.admin.DirectoryContacts contacts;

    /** Used by the Lambda runtime. */
    public WeeklySummaryHandler() {
    }

    /** Used by tests and the command line, with a context they built. */
    public WeeklySummaryHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public WeeklySummaryResult execute(JobRequest request) {
        contacts.refresh();
        LocalDate asOf = request == null ? null : request.asOfDate();
        SummaryRunReport report = asOf == null ? summary.run(plan.getYear()) : summary.run(plan.getYear(), asOf);
        return WeeklySummaryResult.of(report);
    }
}
