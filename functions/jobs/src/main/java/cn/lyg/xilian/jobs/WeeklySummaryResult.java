package cn.lyg.xilian.jobs;

import cn.lyg.xilian.core.report.SummaryRunReport;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What a weekly summary run returns to Lambda (and logs): {@link SummaryRunReport} flattened to strings
 * and ints. The core record holds a {@code ReportWeek} (a LocalDate inside) and is not introspected for
 * serialization; the Lambda runtime serializes a handler's output with the context's JsonMapper, which
 * only writes {@code @Serdeable} types.
 *
 * @param week   "2026-W47"
 * @param failed "recipient: error", one per failed recipient (their records stay pending)
 */
@Serdeable
public record WeeklySummaryResult(String week, List<String> sent, List<String> alreadySent, List<String> failed,
                                  List<String> withoutAddress, int reopened) {

    /** Micronaut Serialization omits empty lists when writing, so reading one back gives null. */
    public WeeklySummaryResult {
        sent = sent == null ? List.of() : List.copyOf(sent);
        alreadySent = alreadySent == null ? List.of() : List.copyOf(alreadySent);
        failed = failed == null ? List.of() : List.copyOf(failed);
        withoutAddress = withoutAddress == null ? List.of() : List.copyOf(withoutAddress);
    }

    public static WeeklySummaryResult of(SummaryRunReport report) {
        return new WeeklySummaryResult(report.week().id(), report.sent(), report.alreadySent(),
                report.failed().stream().map(f -> f.recipientId() + ": " + f.error()).toList(),
                report.withoutAddress(), report.reopened());
    }
}
