package cn.lyg.xilian.core;

import java.time.ZoneId;

/**
 * The plan's time zone: every date, week, deadline and schedule of the plan is in Asia/Shanghai, whatever the
 * server's zone. The one definition; everything else refers to it (an ArchUnit test keeps it so).
 */
public final class PlanTime {

    /** The zone's id, for annotations (schedules), which need a constant. */
    public static final String ZONE_ID = "Asia/Shanghai";
    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    private PlanTime() {
    }
}
