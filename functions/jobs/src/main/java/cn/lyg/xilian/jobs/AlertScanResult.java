package cn.lyg.xilian.jobs;

import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.alert.ScanReport;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
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
                              @Nullable String calendarWarning, List<Integer> years, int chatSent,
                              List<String> chatNotSent) {

    /**
     * @param chatSent    group-chat messages the robots took in this run
     * @param chatNotSent the others, "audience KIND detail" (deferred, retry later, refused, dropped): never a URL
     */
    public AlertScanResult(String asOf, int found, int newlyRecorded, List<Delivery> delivered, List<Failure> failed,
                           List<String> withoutAddress, @Nullable String calendarWarning, List<Integer> years) {
        this(asOf, found, newlyRecorded, delivered, failed, withoutAddress, calendarWarning, years, 0, List.of());
    }

    public AlertScanResult(String asOf, int found, int newlyRecorded, List<Delivery> delivered, List<Failure> failed,
                           List<String> withoutAddress, @Nullable String calendarWarning) {
        this(asOf, found, newlyRecorded, delivered, failed, withoutAddress, calendarWarning, List.of());
    }

    /**
     * @param calendarWarning what became of the warning that a year's holiday calendar is missing, e.g.
     *                        "2027 SENT calendar-missing-2027@…", "2027 ALREADY_SENT …"; null when nothing is missing
     */
    public AlertScanResult(String asOf, int found, int newlyRecorded, List<Delivery> delivered, List<Failure> failed,
                           List<String> withoutAddress) {
        this(asOf, found, newlyRecorded, delivered, failed, withoutAddress, null);
    }

    public AlertScanResult withCalendarWarning(@Nullable String warning) {
        return new AlertScanResult(asOf, found, newlyRecorded, delivered, failed, withoutAddress, warning, years,
                chatSent, chatNotSent);
    }

    /** Micronaut Serialization omits empty lists when writing, so reading one back gives null. */
    public AlertScanResult {
        delivered = delivered == null ? List.of() : List.copyOf(delivered);
        failed = failed == null ? List.of() : List.copyOf(failed);
        withoutAddress = withoutAddress == null ? List.of() : List.copyOf(withoutAddress);
        years = years == null ? List.of() : List.copyOf(years);
        chatNotSent = chatNotSent == null ? List.of() : List.copyOf(chatNotSent);
    }

    /**
     * The scans of the open years (进行中 and 收尾) of one run, as one result: counts added, lists joined, and when more
     * than one year ran each audience key prefixed with its year ("2026/coordinators"), so two years' deliveries to
     * the same audience stay apart. No open year: nothing found, nothing sent.
     */
    public static AlertScanResult ofYears(LocalDate asOf, java.util.Map<Integer, ScanReport> reports) {
        boolean several = reports.size() > 1;
        int found = 0;
        int newlyRecorded = 0;
        List<Delivery> delivered = new java.util.ArrayList<>();
        List<Failure> failed = new java.util.ArrayList<>();
        List<String> withoutAddress = new java.util.ArrayList<>();
        int chatSent = 0;
        List<String> chatNotSent = new java.util.ArrayList<>();
        for (var e : reports.entrySet()) {
            String prefix = several ? e.getKey() + "/" : "";
            AlertScanResult one = of(e.getValue());
            found += one.found;
            newlyRecorded += one.newlyRecorded;
            one.delivered.forEach(d -> delivered.add(new Delivery(prefix + d.audience(), d.messageId(), d.items())));
            one.failed.forEach(f -> failed.add(new Failure(prefix + f.audience(), f.items(), f.error())));
            one.withoutAddress.forEach(a -> withoutAddress.add(prefix + a));
            chatSent += one.chatSent;
            one.chatNotSent.forEach(c -> chatNotSent.add(prefix + c));
        }
        return new AlertScanResult(asOf.toString(), found, newlyRecorded, delivered, failed, withoutAddress, null,
                List.copyOf(reports.keySet()), chatSent, chatNotSent);
    }

    public static AlertScanResult of(ScanReport report) {
        return new AlertScanResult(report.asOf().toString(), report.found(), report.newlyRecorded(),
                report.delivered().stream().map(d -> new Delivery(d.audience().key(), d.messageId(), d.items())).toList(),
                report.failed().stream().map(f -> new Failure(f.audience().key(), f.items(), f.error())).toList(),
                report.withoutAddress().stream().map(Audience::key).toList(), null, List.of(),
                (int) report.chat().stream().filter(cn.lyg.xilian.core.chat.outcome.ChatOutcome::sent).count(),
                chatNotSent(report.chat()));
    }

    /** "unit:ganyu RETRY_LATER WECOM 45009 …": the outcomes that did not post, for the result and the logs. */
    static List<String> chatNotSent(List<cn.lyg.xilian.core.chat.outcome.ChatOutcome> outcomes) {
        return outcomes.stream().filter(o -> !o.sent())
                .map(o -> o.audience() + " " + o.kind() + (o.detail() == null ? "" : " " + o.detail())).toList();
    }

    @Serdeable
    public record Delivery(String audience, String messageId, int items) {
    }

    @Serdeable
    public record Failure(String audience, int items, String error) {
    }
}
