package cn.lyg.xilian.jobs;

import cn.lyg.xilian.core.alert.AlertRepository;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 2026 and 2027 in one deployment, through the job handlers invoked as the Lambda runtime does with the Scheduler's
 * {@code {}}: in January 2027 both years are scanned and summarised, a second run sends nothing more (the
 * exactly-once records are per year), and once 2026 is archived its jobs send nothing.
 */
@ExtendWith(DynaliteExtension.class)
class PlanYearsJobsTest {

    @Test
    void inJanuaryBothYearsSendOnceAndAnArchivedYearSendsNothing(Dynalite dynalite) {
        try (JobsTestApp app = JobsTestApp.start(dynalite, "years", null, Map.of(SettableClock.PROPERTY, "true"));
             AlertScanHandler scan = new AlertScanHandler(app.context);
             WeeklySummaryHandler summary = new WeeklySummaryHandler(app.context)) {
            app.context.getBean(CatalogRepository.class).load(JobsTestApp.plan2027());
            SettableClock clock = app.context.getBean(SettableClock.class);
            PlanTask task = app.firstTask();
            String unit = task.unitIds().getFirst();
            blocked(app, 2027, task, unit, "blocked-2027", "2027-01-05T02:00:00Z");
            blocked(app, 2026, task, unit, "blocked-2026", "2027-01-05T03:00:00Z");

            clock.set("2027-01-11T08:30"); // a Monday of 2026's close-out
            AlertScanResult first = scanOnce(app, scan);
            List<Path> afterFirst = app.emails();
            AlertScanResult second = scanOnce(app, scan);

            assertThat(first.years()).containsExactly(2026, 2027);
            assertThat(first.delivered()).extracting(AlertScanResult.Delivery::audience)
                    .anySatisfy(a -> assertThat(a).startsWith("2026/"))
                    .anySatisfy(a -> assertThat(a).startsWith("2027/"));
            assertThat(afterFirst).hasSize(first.delivered().size());
            assertThat(second.years()).containsExactly(2026, 2027);
            assertThat(second.newlyRecorded()).isZero();
            assertThat(second.delivered()).isEmpty();
            assertThat(app.emails()).containsExactlyElementsOf(afterFirst);

            WeeklySummaryResult weekly = summarise(app, summary);
            List<Path> afterWeekly = app.emails();
            WeeklySummaryResult weeklyAgain = summarise(app, summary);
            assertThat(weekly.years()).containsExactly(2026, 2027);
            assertThat(weekly.sent()).anySatisfy(r -> assertThat(r).startsWith("2026/"))
                    .anySatisfy(r -> assertThat(r).startsWith("2027/"));
            assertThat(weeklyAgain.sent()).isEmpty();
            assertThat(app.emails()).containsExactlyElementsOf(afterWeekly);

            // 1 February: 2026 is archived. A 2026 report stored meanwhile raises nothing, no summary goes for it.
            blocked(app, 2026, app.plan.tasks().get(1), app.plan.tasks().get(1).unitIds().getFirst(),
                    "blocked-2026-late", "2027-01-31T03:00:00Z");
            clock.set("2027-02-01T08:30");
            AlertScanResult archived = scanOnce(app, scan);
            WeeklySummaryResult archivedWeekly = summarise(app, summary);

            assertThat(archived.years()).containsExactly(2027);
            assertThat(archived.delivered()).extracting(AlertScanResult.Delivery::audience)
                    .noneSatisfy(a -> assertThat(a).startsWith("2026/"));
            assertThat(app.context.getBean(AlertRepository.class).pending(2026)).isEmpty();
            assertThat(archivedWeekly.years()).containsExactly(2027);
        }
    }

    private static void blocked(JobsTestApp app, int year, PlanTask task, String unit, String key, String at) {
        app.context.getBean(ProgressRepository.class).record(SubmissionBuilder.submission(task.id(), unit).year(year)
                .key(key).status(ProgressStatus.BLOCKED, 20).progress("已对接").problems("资金未到位")
                .nextSteps("协调资金").reporter("张三").at(Instant.parse(at)).build());
    }

    private static AlertScanResult scanOnce(JobsTestApp app, AlertScanHandler handler) {
        return read(app, LambdaRuntime.invoke(handler, "{}"), AlertScanResult.class);
    }

    private static WeeklySummaryResult summarise(JobsTestApp app, WeeklySummaryHandler handler) {
        return read(app, LambdaRuntime.invoke(handler, "{}"), WeeklySummaryResult.class);
    }

    private static <T> T read(JobsTestApp app, String json, Class<T> type) {
        try {
            return app.context.getBean(JsonMapper.class).readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
