package cn.lyg.xilian.core.alert;

import cn.lyg.xilian.core.progress.ProgressStatus;

import java.time.LocalDate;

/**
 * One item of an alert email, with the task's facts as of the run (a pending item from an earlier
 * run shows today's days-left and latest status).
 *
 * @param daysLeft days until the deadline; negative when overdue
 * @param status   latest reported status, null when never reported
 * @param percent  latest reported percent, null when never reported
 */
public record AlertLine(String alertKey, String taskId, String taskTitle, String unitId, String unitName,
                        LocalDate deadline, long daysLeft, ProgressStatus status, Integer percent,
                        Light light, Rule rule, String reason) {
}
