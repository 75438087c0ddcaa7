package cn.lyg.xilian.jobs;

import cn.lyg.xilian.wiring.LoadedYears;
import cn.lyg.xilian.core.alert.RunAlertScan;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

import java.time.LocalDate;

/**
 * The daily alert scan (EventBridge Scheduler, 08:30 Asia/Shanghai). Translates the schedule's input
 * into one use-case call; a null {@code asOf} means today in Asia/Shanghai.
 */
public class AlertScanHandler extends MicronautRequestHandler<JobRequest, AlertScanResult> {

    @Inject
    RunAlertScan scan;

    @Inject
    LoadedYears years;

    @Inject
    cn.lyg.xilian.core.calendar.NotifyMissingCalendar missingCalendar;

    /** Present where an evidence bucket is configured: uploads never attached are deleted after the scan. */
    @Inject
    @io.micronaut.core.annotation.Nullable
    cn.lyg.xilian.core.evidence.AttachEvidence evidence;

    /** Read once per invocation: an address a coordinator added a minute ago is used by this run. */
    @Inject
    cn.lyg.xilian.core.admin.DirectoryContacts contacts;

    /** The group robots, read again per invocation like the contacts: a robot set a minute ago is used. */
    @Inject
    cn.lyg.xilian.core.chat.ChatChannel chat;

    /** Used by the Lambda runtime. */
    public AlertScanHandler() {
    }

    /** Used by tests and the command line, with a context they built. */
    public AlertScanHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public AlertScanResult execute(JobRequest request) {
        contacts.refresh();
        chat.refresh();
        LocalDate asked = request == null ? null : request.asOfDate();
        LocalDate asOf = asked == null ? years.today() : asked;
        // Each year open on that day (进行中 or 收尾); an archived year is not scanned, so it sends nothing. The
        // alerts' exactly-once records are per year (PLAN#Y#ALERT), so a second run sends nothing for either year.
        java.util.Map<Integer, cn.lyg.xilian.core.alert.ScanReport> reports = new java.util.LinkedHashMap<>();
        for (int year : years.read().open(asOf)) {
            reports.put(year, scan.run(year, asOf));
        }
        AlertScanResult result = AlertScanResult.ofYears(asOf, reports).withCalendarWarning(warnIfCalendarMissing(asOf));
        if (evidence != null) {
            // After the alerts, so a storage problem cannot hold them up (nor make the scheduler re-run a scan that
            // succeeded): logged as an error, tried again the next day. Safe to run twice.
            var log = org.slf4j.LoggerFactory.getLogger(AlertScanHandler.class);
            try {
                int removed = evidence.cleanUpUnattached(cn.lyg.xilian.core.evidence.EvidenceRules.UNATTACHED_AFTER);
                log.info("evidence uploads never attached, deleted: {}", removed);
            } catch (RuntimeException e) {
                log.error("evidence cleanup failed (the alert scan itself succeeded): {}", e.toString());
            }
        }
        return result;
    }

    /**
     * After the alerts, like the cleanup: a failure is logged and the record stays pending, so the next day's scan
     * sends the warning; it never fails a scan that succeeded.
     */
    private String warnIfCalendarMissing(LocalDate asOf) {
        try {
            var outcome = missingCalendar.run(asOf);
            if (outcome.missing().isEmpty()) {
                return null;
            }
            String line = outcome.missing().get().year() + " " + outcome.outcome() + " " + outcome.detail();
            org.slf4j.LoggerFactory.getLogger(AlertScanHandler.class)
                    .warn("the {} holiday calendar is missing (infra/bin/load-calendar); warning: {}",
                            outcome.missing().get().year(), line);
            return line.strip();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(AlertScanHandler.class)
                    .error("missing-calendar warning failed (the alert scan itself succeeded): {}", e.toString());
            return "failed: " + e;
        }
    }
}
