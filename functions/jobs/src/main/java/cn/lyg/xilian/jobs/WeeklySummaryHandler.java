package cn.lyg.xilian.jobs;

import cn.lyg.xilian.wiring.LoadedYears;
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
    LoadedYears years;

    /** Read once per invocation: an address a coordinator added a minute ago is used by this run. */
    @Inject
    cn.lyg.xilian.core.admin.DirectoryContacts contacts;

    /** The group robots, read again per invocation like the contacts: a robot set a minute ago is used. */
    @Inject
    cn.lyg.xilian.core.chat.ChatChannel chat;

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
        chat.refresh();
        LocalDate asked = request == null ? null : request.asOfDate();
        LocalDate today = asked == null ? years.today() : asked;
        // Each year open today (进行中 or 收尾); an archived year sends nothing. The digests' exactly-once records are
        // per year and week (PLAN#Y#DIGEST#W), so a second run sends nothing for either year.
        java.util.Map<Integer, SummaryRunReport> reports = new java.util.LinkedHashMap<>();
        for (int year : years.read().open(today)) {
            reports.put(year, summary.run(year, today));
        }
        return WeeklySummaryResult.ofYears(cn.lyg.xilian.core.report.ReportWeek.previousOf(today).id(), reports);
    }
}
