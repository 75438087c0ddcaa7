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
                                  List<String> withoutAddress, int reopened, List<Integer> years,
                                  List<String> chatSent, List<String> chatNotSent) {

    /**
     * @param chatSent    recipients whose group robot took the week's message in this run
     * @param chatNotSent the others due in this run, "recipient KIND detail": never a URL
     */
    public WeeklySummaryResult(String week, List<String> sent, List<String> alreadySent, List<String> failed,
                               List<String> withoutAddress, int reopened, List<Integer> years) {
        this(week, sent, alreadySent, failed, withoutAddress, reopened, years, List.of(), List.of());
    }

    public WeeklySummaryResult(String week, List<String> sent, List<String> alreadySent, List<String> failed,
                               List<String> withoutAddress, int reopened) {
        this(week, sent, alreadySent, failed, withoutAddress, reopened, List.of());
    }

    /** Micronaut Serialization omits empty lists when writing, so reading one back gives null. */
    public WeeklySummaryResult {
        sent = sent == null ? List.of() : List.copyOf(sent);
        alreadySent = alreadySent == null ? List.of() : List.copyOf(alreadySent);
        failed = failed == null ? List.of() : List.copyOf(failed);
        withoutAddress = withoutAddress == null ? List.of() : List.copyOf(withoutAddress);
        years = years == null ? List.of() : List.copyOf(years);
        chatSent = chatSent == null ? List.of() : List.copyOf(chatSent);
        chatNotSent = chatNotSent == null ? List.of() : List.copyOf(chatNotSent);
    }

    /**
     * The summaries of the open years (进行中 and 收尾) of one run, as one result; when more than one year ran each
     * recipient is prefixed with its year ("2026/coordinators"). No open year: nothing sent ({@code week} is then
     * the run's week all the same).
     */
    public static WeeklySummaryResult ofYears(String week, java.util.Map<Integer, SummaryRunReport> reports) {
        boolean several = reports.size() > 1;
        List<String> sent = new java.util.ArrayList<>();
        List<String> alreadySent = new java.util.ArrayList<>();
        List<String> failed = new java.util.ArrayList<>();
        List<String> withoutAddress = new java.util.ArrayList<>();
        List<String> chatSent = new java.util.ArrayList<>();
        List<String> chatNotSent = new java.util.ArrayList<>();
        int reopened = 0;
        for (var e : reports.entrySet()) {
            String prefix = several ? e.getKey() + "/" : "";
            WeeklySummaryResult one = of(e.getValue());
            week = one.week;
            one.sent.forEach(r -> sent.add(prefix + r));
            one.alreadySent.forEach(r -> alreadySent.add(prefix + r));
            one.failed.forEach(r -> failed.add(prefix + r));
            one.withoutAddress.forEach(r -> withoutAddress.add(prefix + r));
            reopened += one.reopened;
            one.chatSent.forEach(r -> chatSent.add(prefix + r));
            one.chatNotSent.forEach(r -> chatNotSent.add(prefix + r));
        }
        return new WeeklySummaryResult(week, sent, alreadySent, failed, withoutAddress, reopened,
                List.copyOf(reports.keySet()), chatSent, chatNotSent);
    }

    public static WeeklySummaryResult of(SummaryRunReport report) {
        return new WeeklySummaryResult(report.week().id(), report.sent(), report.alreadySent(),
                report.failed().stream().map(f -> f.recipientId() + ": " + f.error()).toList(),
                report.withoutAddress(), report.reopened(), List.of(),
                report.chat().stream().filter(cn.lyg.xilian.core.chat.outcome.ChatOutcome::sent)
                        .map(cn.lyg.xilian.core.chat.outcome.ChatOutcome::audience).toList(),
                AlertScanResult.chatNotSent(report.chat()));
    }
}
