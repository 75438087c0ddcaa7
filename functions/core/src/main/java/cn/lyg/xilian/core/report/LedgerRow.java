package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * One (task, responsible unit) line of the ledger (台账).
 *
 * @param status         latest reported status, null when the unit never reported
 * @param percent        latest reported percent, null when the unit never reported
 * @param targetFigures  every target binding the unit, e.g. "签约项目：已报3个/目标8个；…" (empty when none)
 * @param reason         the reasons of the light joined with "；" (empty when green)
 * @param lastReportDate date (Asia/Shanghai) of the latest submission, null when never reported
 * @param latest         the latest submission, null when never reported: the columns of the report itself
 *                       (进展情况, 存在问题, …) read their values from it ({@link #reported}), so a new report field
 *                       needs a column and nothing here
 * @param submissions    how many reports the pair has made (its history count)
 * @param review         the coordinators' review of the latest report: 待审核, 通过 or 退回：<reason>; empty when none
 * @param extension      "原定12月31日，经批准延期至…" when an extension was approved (then {@code deadline} is the new
 *                       date); empty otherwise
 * @param evidence       the latest report's evidence files: "2个：现场照片.jpg、协议.pdf"; empty when none
 */
public record LedgerRow(String taskId, String taskTitle, String sectionTitle, String fieldLabel, String unitId,
                        String unitName, LocalDate deadline, @Nullable ProgressStatus status,
                        @Nullable Integer percent, String targetFigures, Light light, String reason,
                        @Nullable LocalDate lastReportDate, @Nullable Submission latest, int submissions,
                        String review, String extension, String evidence) {

    public LedgerRow(String taskId, String taskTitle, String sectionTitle, String fieldLabel, String unitId,
                     String unitName, LocalDate deadline, @Nullable ProgressStatus status,
                     @Nullable Integer percent, String targetFigures, Light light, String reason,
                     @Nullable LocalDate lastReportDate, @Nullable Submission latest, int submissions) {
        this(taskId, taskTitle, sectionTitle, fieldLabel, unitId, unitName, deadline, status, percent, targetFigures,
                light, reason, lastReportDate, latest, submissions, "", "", "");
    }

    /**
     * A value of the latest report as the ledger writes it: text as typed, a number plainly ("12.5"); empty when the
     * unit never reported or left the field empty.
     */
    public String reported(Function<Submission, ?> field) {
        Object value = latest == null ? null : field.apply(latest);
        if (value instanceof BigDecimal number) {
            return ReportText.plain(number);
        }
        return value == null ? "" : value.toString();
    }

    public String statusLabel() {
        return status == null ? "未填报" : status.label();
    }
}
