package cn.lyg.xilian.web;

import static cn.lyg.xilian.core.PlanTime.ZONE;
import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.progress.Submission;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Formatting shared by pages and JSON: dates and days left are Asia/Shanghai, whatever the server's zone. */
@Singleton
public class Display {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    private final Clock clock;

    public Display(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** Negative when overdue. */
    public long daysLeft(LocalDate deadline) {
        return ChronoUnit.DAYS.between(today(), deadline);
    }

    public String daysLeftText(LocalDate deadline) {
        return daysText(daysLeft(deadline));
    }

    public String time(@Nullable Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public String status(@Nullable Submission s) {
        return s == null ? "未填报" : s.status().label();
    }

    public String percent(@Nullable Submission s) {
        return s == null ? "—" : s.percent() + "%";
    }

    /** CSS class of a light; the page always prints the light's word (红/黄/绿) too, never colour alone. */
    public String lightClass(@Nullable Light light) {
        return light == null ? "l-none" : "l-" + light.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** "已逾期5天" etc. for a day count as computed by the board. */
    public String daysText(long d) {
        return d > 0 ? "剩余" + d + "天" : d == 0 ? "今天到期" : "已逾期" + (-d) + "天";
    }

    public String unitName(Plan plan, String unitId) {
        return plan.unit(unitId).map(Unit::name).orElse(unitId);
    }

    /**
     * One path segment of a link (task id, unit id, report key, file id), percent-encoded as UTF-8 except RFC
     * 3986's pchar (unreserved, sub-delims, ':' and '@'), so a value cannot add a segment or a query.
     */
    public static String pathSegment(String value) {
        return PercentEncoding.encode(value, "-._~!$&'()*+,;=:@");
    }

    public String sectionTitle(Plan plan, String sectionId) {
        return plan.section(sectionId).map(s -> s.title()).orElse(sectionId);
    }
}
