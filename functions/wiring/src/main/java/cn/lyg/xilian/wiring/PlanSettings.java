package cn.lyg.xilian.wiring;

import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanYears;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * {@code xilian.plan.*}: the plan years of a deployment. {@code year} is only the seed: the year served while the
 * table lists no loaded year yet (a table loaded before the list existed; in AWS the environment variable
 * {@code XILIAN_PLAN_YEAR}, template.yaml); without it {@link Plan#DEFAULT_YEAR}. {@code closeout-until} is the last
 * day (MM-dd, in the following year) of a year's close-out ({@link PlanYears}), default 01-31.
 */
@ConfigurationProperties("xilian.plan")
public class PlanSettings {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private int year = Plan.DEFAULT_YEAR;
    private MonthDay closeoutUntil = PlanYears.DEFAULT_CLOSE_OUT_UNTIL;

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public String getCloseoutUntil() {
        return closeoutUntil.format(MONTH_DAY);
    }

    /** Strictly MM-dd (e.g. 01-31); anything else stops the function at start rather than guessing. */
    public void setCloseoutUntil(String monthDay) {
        try {
            this.closeoutUntil = MonthDay.parse("--" + monthDay);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("xilian.plan.closeout-until must be MM-dd, got: " + monthDay, e);
        }
    }

    public MonthDay closeoutUntil() {
        return closeoutUntil;
    }
}
