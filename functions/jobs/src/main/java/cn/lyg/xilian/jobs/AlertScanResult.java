package cn.lyg.xilian.jobs;

import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.alert.ScanReport;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What an alert scan returns to Lambda: {@link ScanReport} with audiences as their keys ("coordinators",
 * "unit:ganyu") and the date as a string. The core record is not {@code @Serdeable} (and an
 * {@link Audience} would serialize as a bare, null-able unit id), while the Lambda runtime writes a
 * handler's output with the context's JsonMapper, which refuses types without serialization metadata.
 */
@Serdeable
public record AlertScanResult(String asOf, int found, int newlyRecorded, List<Delivery> delivered,
                              List<Failure> failed, List<String> withoutAddress,
                              @Nullable String calendarWarning) {

    /**
     * @param calendarWarning what became of the warning that a year's holiday calendar is missing, e.g.
     *                        "2027 SENT calendar-missing-2027@…", "2027 ALREADY_SENT …"; null when nothing is missing
     */
    public AlertScanResult(String asOf, int found, int newlyRecorded, List<Delivery> delivered, List<Failure> failed,
                           List<String> withoutAddress) {
        this(asOf, found, newlyRecorded, delivered, failed, withoutAddress, null);
    }

    public AlertScanResult withCalendarWarning(@Nullable String warning) {
        return new AlertScanResult(asOf, found, newlyRecorded, delivered, failed, withoutAddress, warning);
    }

    /** Micronaut Serialization omits empty lists when writing, so reading one back gives null. */
    public AlertScanResult {
        delivered = delivered == null ? List.of() : List.copyOf(delivered);
        failed = failed == null ? List.of() : List.copyOf(failed);
        withoutAddress = withoutAddress == null ? List.of() : List.copyOf(withoutAddress);
    }

    public static AlertScanResult of(ScanReport report) {
        return new AlertScanResult(report.asOf().toString(), report.found(), report.newlyRecorded(),
                report.delivered().stream().map(d -> new Delivery(d.audience().key(), d.messageId(), d.items())).toList(),
                report.failed().stream().map(f -> new Failure(f.audience().key(), f.items(), f.error())).toList(),
                report.withoutAddress().stream().map(Audience::key).toList());
    }

    @Serdeable
    public record Delivery(String audience, String messageId, int items) {
    }

    @Serdeable
    public record Failure(String audience, int items, String error) {
    }
}
