package cn.lyg.xilian.wiring;

import cn.lyg.xilian.core.catalog.Plan;
import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code xilian.plan.*}: which plan year a function serves. The one configuration key for it; in AWS the
 * environment variable {@code XILIAN_PLAN_YEAR} (template.yaml) sets it, and without it the year is
 * {@link Plan#DEFAULT_YEAR}.
 */
@ConfigurationProperties("xilian.plan")
public class PlanSettings {

    private int year = Plan.DEFAULT_YEAR;

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }
}
