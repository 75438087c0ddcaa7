package cn.lyg.xilian.jobs;

import cn.lyg.xilian.core.calendar.CalendarReading;
import cn.lyg.xilian.core.calendar.CalendarRepository;
import cn.lyg.xilian.core.calendar.HolidayNotice;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.supervision.Extension;
import cn.lyg.xilian.core.supervision.ExtensionRepository;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import io.micronaut.json.JsonMapper;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20, through the job handlers as Lambda runs them: the Scheduler's Input exactly as template.yaml gives it
 * ({@code {}}, "today"), read by the runtime's serializer ({@link LambdaRuntime}), with "today" set by the test's
 * clock; one handler object per test, as a warm function keeps it between invocations. dynalite, the 2026 plan, an
 * outbox per test.
 */
@ExtendWith(DynaliteExtension.class)
class HolidayCalendarJobsTest {

    /** The schedules' Input in template.yaml (AlertScanFunction.Daily, WeeklySummaryFunction.Monday). */
    private static final String SCHEDULER_INPUT = "{}";
    private static final String OPS = "ops@example.cn";
    private static final Path NOTICE_2027 = JobsTestApp.root()
            .resolve("functions/core/src/test/resources/calendars/2027-notice-fictional.txt");

    @Test
    void newYearsDayWithoutA2027CalendarSendsNothingAndTheAlertsComeOnTheNextWorkingDay(Dynalite dynalite) {
        try (JobsTestApp app = start(dynalite, "newyear");
             AlertScanHandler scan = new AlertScanHandler(app.context)) {
            SettableClock clock = app.context.getBean(SettableClock.class);

            clock.set("2026-12-31T08:30");
            AlertScanResult lastDayOfTheYear = invoke(app, scan);
            List<Path> afterDecember = app.emails();
            List<AlertScanResult> holiday = new ArrayList<>();
            for (String day : List.of("2027-01-01", "2027-01-02", "2027-01-03")) {
                clock.set(day + "T08:30");
                holiday.add(invoke(app, scan));
            }
            List<Path> afterHoliday = app.emails();
            clock.set("2027-01-04T08:30");
            AlertScanResult monday = invoke(app, scan);

            assertThat(lastDayOfTheYear.delivered()).isNotEmpty();
            assertThat(lastDayOfTheYear.calendarWarning()).isEqualTo("2027 SENT calendar-missing-2027@xilian.lyg.cn");
            assertThat(holiday).extracting(AlertScanResult::asOf).containsExactly("2027-01-01", "2027-01-02", "2027-01-03");
            assertThat(holiday).allSatisfy(r -> {
                assertThat(r.found()).isZero();
                assertThat(r.delivered()).isEmpty();
            });
            assertThat(afterHoliday).as("元旦 by rule, then the weekend: not one email").isEqualTo(afterDecember);
            // the deadline of 31 December passed on 1 January: its first 逾期 reminders, moved to the next working day
            assertThat(monday.asOf()).isEqualTo("2027-01-04");
            assertThat(monday.newlyRecorded()).isPositive();
            assertThat(monday.delivered()).isNotEmpty();
            assertThat(newSince(app, afterHoliday)).hasSize(monday.delivered().size())
                    .anySatisfy(p -> assertThat(JobsTestApp.text(JobsTestApp.parse(p))).contains("已逾期"));
            assertThat(monday.calendarWarning()).startsWith("2027 ALREADY_SENT");
        }
    }

    @Test
    void aNoticeLoadedAMinuteEarlierIsUsedByTheNextInvocationOfTheWarmFunction(Dynalite dynalite) throws Exception {
        try (JobsTestApp app = start(dynalite, "warm");
             AlertScanHandler scan = new AlertScanHandler(app.context)) {
            SettableClock clock = app.context.getBean(SettableClock.class);
            // an approved extension to 22 March 2027: its 30-day reminder falls on Saturday 20 February, the
            // fictional notice's 调休 working day
            PlanTask task = app.firstTask();
            String unit = task.unitIds().getFirst();
            approveExtension(app, task, unit, LocalDate.of(2027, 3, 22));

            clock.set("2027-02-19T08:30");
            assertThat(invoke(app, scan).delivered()).as("Friday: a working day").isNotEmpty();
            List<Path> afterFriday = app.emails();

            clock.set("2027-02-20T08:30");
            AlertScanResult beforeTheNotice = invoke(app, scan);
            clock.set("2027-02-20T08:31");
            CalendarReading notice = HolidayNotice.parse(Files.readString(NOTICE_2027), "2027.txt");
            app.context.getBean(CalendarRepository.class).save(notice.calendar().orElseThrow(), clock.instant());
            clock.set("2027-02-20T08:32");
            AlertScanResult afterTheNotice = invoke(app, scan);
            List<Path> saturday = newSince(app, afterFriday);

            clock.set("2027-02-21T08:30");
            AlertScanResult sunday = invoke(app, scan);

            assertThat(beforeTheNotice.delivered()).as("Saturday, by rule").isEmpty();
            assertThat(beforeTheNotice.calendarWarning()).isEqualTo("2027 QUIET_DAY");
            assertThat(afterTheNotice.asOf()).isEqualTo("2027-02-20");
            assertThat(afterTheNotice.delivered()).as("the same warm handler, the calendar loaded a minute earlier")
                    .isNotEmpty()
                    .anySatisfy(d -> assertThat(d.audience()).isEqualTo("unit:" + unit));
            assertThat(afterTheNotice.calendarWarning()).isNull();
            assertThat(saturday).hasSize(afterTheNotice.delivered().size())
                    .anySatisfy(p -> assertThat(JobsTestApp.text(JobsTestApp.parse(p))).contains("距延期截止"));
            assertThat(sunday.delivered()).isEmpty();
            assertThat(sunday.found()).isZero();
        }
    }

    @Test
    void whileTheNextYearsCalendarIsMissingTheMondaySummarySaysSoAndOperationsHearOnce(Dynalite dynalite) throws Exception {
        try (JobsTestApp app = start(dynalite, "missing");
             AlertScanHandler scan = new AlertScanHandler(app.context);
             WeeklySummaryHandler summary = new WeeklySummaryHandler(app.context)) {
            SettableClock clock = app.context.getBean(SettableClock.class);

            clock.set("2026-11-09T09:00");
            invoke(app, summary);
            List<Path> beforeTheFifteenth = app.emails();
            clock.set("2026-11-16T08:30");
            AlertScanResult first = invoke(app, scan);
            AlertScanResult again = invoke(app, scan); // a retry of the same day's schedule
            clock.set("2026-11-16T09:00");
            List<Path> beforeSummary = app.emails();
            invoke(app, summary);
            List<Path> monday = newSince(app, beforeSummary);
            clock.set("2026-11-17T08:30");
            AlertScanResult tuesday = invoke(app, scan);

            assertThat(coordinators(app, beforeTheFifteenth)).isNotEmpty()
                    .allSatisfy(m -> assertThat(JobsTestApp.text(m)).doesNotContain("节假日安排"));
            assertThat(first.calendarWarning()).isEqualTo("2027 SENT calendar-missing-2027@xilian.lyg.cn");
            assertThat(again.calendarWarning()).startsWith("2027 ALREADY_SENT");
            assertThat(tuesday.calendarWarning()).startsWith("2027 ALREADY_SENT");
            assertThat(app.emails().stream().map(JobsTestApp::parse).filter(m -> JobsTestApp.to(m).contains(OPS)))
                    .singleElement().satisfies(m -> {
                        assertThat(m.getSubject()).isEqualTo("【运维提醒】2027年节假日安排尚未载入");
                        assertThat(JobsTestApp.text(m)).contains("infra/bin/load-calendar");
                    });
            assertThat(coordinators(app, monday)).singleElement().satisfies(m ->
                    assertThat(JobsTestApp.text(m)).contains("2027年节假日安排（国务院办公厅放假调休通知）尚未载入系统"));
            assertThat(monday.stream().map(JobsTestApp::parse).filter(m -> !JobsTestApp.to(m).contains(JobsTestApp.COORDINATOR)))
                    .as("units' digests").isNotEmpty().allSatisfy(m -> assertThat(JobsTestApp.text(m)).doesNotContain("节假日安排"));

            // once the notice is loaded: no warning in the next summary, nothing to tell operations
            app.context.getBean(CalendarRepository.class).save(HolidayNotice.parse(Files.readString(NOTICE_2027),
                    "2027.txt").calendar().orElseThrow(), clock.instant());
            clock.set("2026-11-23T08:30");
            assertThat(invoke(app, scan).calendarWarning()).isNull();
            clock.set("2026-11-23T09:00");
            List<Path> beforeNext = app.emails();
            invoke(app, summary);
            assertThat(coordinators(app, newSince(app, beforeNext))).singleElement()
                    .satisfies(m -> assertThat(JobsTestApp.text(m)).doesNotContain("节假日安排"));
        }
    }

    // --- helpers ---

    private static JobsTestApp start(Dynalite dynalite, String hint) {
        // 2026's close-out runs to 31 March here: the tests scan 2026 in February 2027 (an extension to 22 March),
        // which the default close-out (31 January) would have archived
        return JobsTestApp.start(dynalite, "holidays-" + hint, null, Map.of(SettableClock.PROPERTY, "true",
                "xilian.contacts.operations", List.of(OPS), "xilian.plan.closeout-until", "03-31"));
    }

    /** One invocation as the Lambda runtime makes it, with the Scheduler's Input; the output read back. */
    private static AlertScanResult invoke(JobsTestApp app, AlertScanHandler handler) {
        return read(app, LambdaRuntime.invoke(handler, SCHEDULER_INPUT), AlertScanResult.class);
    }

    private static WeeklySummaryResult invoke(JobsTestApp app, WeeklySummaryHandler handler) {
        return read(app, LambdaRuntime.invoke(handler, SCHEDULER_INPUT), WeeklySummaryResult.class);
    }

    private static <T> T read(JobsTestApp app, String json, Class<T> type) {
        try {
            return app.context.getBean(JsonMapper.class).readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void approveExtension(JobsTestApp app, PlanTask task, String unit, LocalDate to) {
        ExtensionRepository supervision = app.context.getBean(ExtensionRepository.class);
        Instant at = Instant.parse("2026-12-10T02:00:00Z");
        supervision.requestExtension(new Extension(2026, task.id(), unit, "ext-holidays", task.deadline(), to,
                "项目审批延后", at, null, null, null, null));
        supervision.decideExtension(new Extension(2026, task.id(), unit, "ext-holidays", task.deadline(), to,
                "项目审批延后", at, Extension.Decision.APPROVED, to, "同意", at.plusSeconds(3600)));
    }

    private static List<Path> newSince(JobsTestApp app, List<Path> before) {
        return app.emails().stream().filter(p -> !before.contains(p)).toList();
    }

    private static List<MimeMessage> coordinators(JobsTestApp app, List<Path> emails) {
        return emails.stream().map(JobsTestApp::parse).filter(m -> JobsTestApp.to(m).contains(JobsTestApp.COORDINATOR)).toList();
    }
}
