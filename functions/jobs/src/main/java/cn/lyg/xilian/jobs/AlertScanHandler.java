package cn.lyg.xilian.jobs;

import cn.lyg.xilian.wiring.PlanSettings;
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
    PlanSettings plan;

    /** Used by the Lambda runtime. */
    public AlertScanHandler() {
    }

    /** Used by tests and the command line, with a context they built. */
    public AlertScanHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public AlertScanResult execute(JobRequest request) {
        LocalDate asOf = request == null ? null : request.asOfDate();
        return AlertScanResult.of(asOf == null ? scan.run(plan.getYear()) : scan.run(plan.getYear(), asOf));
    }
}
