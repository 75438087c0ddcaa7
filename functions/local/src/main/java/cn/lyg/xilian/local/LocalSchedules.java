package cn.lyg.xilian.local;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.jobs.AlertScanHandler;
import cn.lyg.xilian.jobs.JobRequest;
import cn.lyg.xilian.jobs.WeeklySummaryHandler;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process schedule of the local run: the same handlers and times as the AWS schedules in
 * template.yaml (Asia/Shanghai). A run that fails is logged; its alerts stay pending for the next run.
 */
@Singleton
@Requires(env = LocalApplication.ENVIRONMENT)
public class LocalSchedules {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSchedules.class);

    private final ApplicationContext context;

    public LocalSchedules(ApplicationContext context) {
        this.context = context;
    }

    @Scheduled(cron = "0 30 8 * * *", zoneId = PlanTime.ZONE_ID)
    void dailyAlertScan() {
        try {
            LOG.info("daily alert scan: {}", new AlertScanHandler(context).execute(new JobRequest()));
        } catch (RuntimeException e) {
            LOG.error("daily alert scan failed; pending alerts go out on the next run", e);
        }
    }

    @Scheduled(cron = "0 0 9 * * MON", zoneId = PlanTime.ZONE_ID)
    void mondaySummary() {
        try {
            LOG.info("weekly summary: {}", new WeeklySummaryHandler(context).execute(new JobRequest()));
        } catch (RuntimeException e) {
            LOG.error("weekly summary failed; unsent digests go out on the next run", e);
        }
    }
}
