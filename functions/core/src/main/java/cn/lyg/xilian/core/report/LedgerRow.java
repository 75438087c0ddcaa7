package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.progress.ProgressStatus;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * One (task, responsible unit) line of the ledger (台账).
 *
 * @param status         latest reported status, null when the unit never reported
 * @param percent        latest reported percent, null when the unit never reported
 * @param targetFigures  every target binding the unit, e.g. "签约项目：已报3个/目标8个；…" (empty when none)
 * @param reason         the reasons of the light joined with "；" (empty when green)
 * @param lastReportDate date (Asia/Shanghai) of the latest submission, null when never reported
 */
public record LedgerRow(String taskId, String taskTitle, String sectionTitle, String fieldLabel, String unitId,
                        String unitName, LocalDate deadline, @Nullable ProgressStatus status,
                        @Nullable Integer percent, String targetFigures, Light light, String reason,
                        @Nullable LocalDate lastReportDate) {

    public String statusLabel() {
        return status == null ? "未填报" : status.label();
    }
}
