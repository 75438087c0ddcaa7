package cn.lyg.xilian.web;

import cn.lyg.xilian.core.alert.AlertSettings;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code xilian.alerts.*}, the same keys and defaults as the jobs module's {@code AlertProperties} (branch
 * {@code jobs}): the board must colour a task exactly as the alert scan judges it, so both read one
 * configuration. Only the keys that change a light are read here; sending options stay with the jobs.
 * When the two modules share a configuration module, this class can go.
 */
@ConfigurationProperties("xilian.alerts")
public class AlertProperties {

    private List<Integer> leadDays = new ArrayList<>(List.of(30, 14, 7, 3, 1));
    private int overdueCadenceDays = 7;
    private int behindMarginPoints = 10;
    private int unreportedDays = 14;
    private boolean quietDays = true;
    private int behindRedWindowDays = 14;

    public AlertSettings toSettings() {
        return new AlertSettings(leadDays, overdueCadenceDays, behindMarginPoints, unreportedDays, quietDays,
                behindRedWindowDays);
    }

    public List<Integer> getLeadDays() {
        return leadDays;
    }

    public void setLeadDays(List<Integer> leadDays) {
        this.leadDays = leadDays;
    }

    public int getOverdueCadenceDays() {
        return overdueCadenceDays;
    }

    public void setOverdueCadenceDays(int overdueCadenceDays) {
        this.overdueCadenceDays = overdueCadenceDays;
    }

    public int getBehindMarginPoints() {
        return behindMarginPoints;
    }

    public void setBehindMarginPoints(int behindMarginPoints) {
        this.behindMarginPoints = behindMarginPoints;
    }

    public int getUnreportedDays() {
        return unreportedDays;
    }

    public void setUnreportedDays(int unreportedDays) {
        this.unreportedDays = unreportedDays;
    }

    public boolean isQuietDays() {
        return quietDays;
    }

    public void setQuietDays(boolean quietDays) {
        this.quietDays = quietDays;
    }

    public int getBehindRedWindowDays() {
        return behindRedWindowDays;
    }

    public void setBehindRedWindowDays(int behindRedWindowDays) {
        this.behindRedWindowDays = behindRedWindowDays;
    }
}
