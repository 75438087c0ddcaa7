package cn.lyg.xilian.jobs;

import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import cn.lyg.xilian.tools.LoadCalendarCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's path end to end: infra/bin/load-calendar's command loads a (fictional) 2027 notice into the table the
 * job functions use, and the daily scan handler — the same object before and after, as a warm function — sends on
 * the notice's 调休 Saturday, 20 February 2027, a day the rules alone keep quiet. The scan is invoked with the input
 * of a re-run through the Scheduler ({"asOf": …}). In the jobs' test package for {@code JobsTestApp}.
 */
@ExtendWith(DynaliteExtension.class)
class LoadCalendarThenScanTest {

    @Test
    void aLoadedNoticeMakesItsMakeUpSaturdayASendingDay(Dynalite dynalite) {
        // 2026's close-out runs to 31 March here: the scan of 2026 on 20 February 2027 is the point of the test,
        // which the default close-out (31 January) would have archived
        try (JobsTestApp app = JobsTestApp.start(dynalite, "load-then-scan", null,
                Map.of("xilian.plan.closeout-until", "03-31"));
             AlertScanHandler scan = new AlertScanHandler(app.context)) {
            AlertScanResult saturdayByRule = scan.execute(new JobRequest("2027-02-20"));
            int emailsBefore = app.emails().size();

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int loaded = LoadCalendarCommand.run(app.context, List.of(JobsTestApp.root()
                            .resolve(Path.of("functions/core/src/test/resources/calendars/2027-notice-fictional.txt")).toString()),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
            // a re-run of the same day: what is due on a working day (e.g. 未报 of this period) now goes out
            AlertScanResult saturday = scan.execute(new JobRequest("2027-02-20"));
            AlertScanResult sunday = scan.execute(new JobRequest("2027-02-21"));

            assertThat(saturdayByRule.delivered()).isEmpty();
            assertThat(loaded).as(out.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("calendar 2027 into " + app.table + ": created");
            assertThat(saturday.delivered()).as("the 调休 Saturday is a working day now").isNotEmpty();
            assertThat(app.emails()).hasSize(emailsBefore + saturday.delivered().size());
            assertThat(sunday.delivered()).isEmpty();
        }
    }
}
