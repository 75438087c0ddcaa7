package cn.lyg.xilian.wiring;

import cn.lyg.xilian.core.alert.AlertSettings;
import cn.lyg.xilian.core.alert.RunAlertScan;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code xilian.alerts.*}; the defaults are those of the issue ({@link AlertSettings#defaults()}).
 */
@ConfigurationProperties("xilian.alerts")
public class AlertProperties {

    private List<Integer> leadDays = new ArrayList<>(List.of(30, 14, 7, 3, 1));
    private int overdueCadenceDays = 7;
    private int behindMarginPoints = 10;
    private int unreportedDays = 14;
    private boolean quietDays = true;
    private int behindRedWindowDays = 14;
    private int returnedGraceDays = AlertSettings.DEFAULT_RETURNED_GRACE_DAYS;
    /** Reports unreviewed for this many working days are listed in the coordinators' weekly summary. */
    private int unreviewedWorkingDays = 3;
    private RunAlertScan.CoordinatorCopy coordinatorCopy = RunAlertScan.CoordinatorCopy.ALL;

    public AlertSettings toSettings() {
        return new AlertSettings(leadDays, overdueCadenceDays, behindMarginPoints, unreportedDays, quietDays,
                behindRedWindowDays, returnedGraceDays);
    }

    public int getUnreviewedWorkingDays() {
        return unreviewedWorkingDays;
    }

    public void setUnreviewedWorkingDays(int unreviewedWorkingDays) {
        this.unreviewedWorkingDays = unreviewedWorkingDays;
    }

    public int getReturnedGraceDays() {
        return returnedGraceDays;
    }

    public void setReturnedGraceDays(int returnedGraceDays) {
        this.returnedGraceDays = returnedGraceDays;
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

    public RunAlertScan.CoordinatorCopy getCoordinatorCopy() {
        return coordinatorCopy;
    }

    public void setCoordinatorCopy(RunAlertScan.CoordinatorCopy coordinatorCopy) {
        this.coordinatorCopy = coordinatorCopy;
    }
}
