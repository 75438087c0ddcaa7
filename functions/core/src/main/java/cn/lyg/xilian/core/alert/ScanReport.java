package cn.lyg.xilian.core.alert;

import java.time.LocalDate;
import java.util.List;

/**
 * What a run did, for logs and metrics.
 *
 * @param found          findings due this run (before de-duplication)
 * @param newlyRecorded  findings not seen before
 * @param withoutAddress audiences with pending items but no known address (items stay pending)
 * @param chat           one outcome per audience with group-chat items pending in this run
 */
public record ScanReport(LocalDate asOf, int found, int newlyRecorded, List<Delivery> delivered,
                         List<Failure> failed, List<Audience> withoutAddress,
                         List<cn.lyg.xilian.core.chat.outcome.ChatOutcome> chat) {

    public ScanReport(LocalDate asOf, int found, int newlyRecorded, List<Delivery> delivered, List<Failure> failed,
                      List<Audience> withoutAddress) {
        this(asOf, found, newlyRecorded, delivered, failed, withoutAddress, List.of());
    }

    public ScanReport {
        chat = List.copyOf(chat);
        delivered = List.copyOf(delivered);
        failed = List.copyOf(failed);
        withoutAddress = List.copyOf(withoutAddress);
    }

    public record Delivery(Audience audience, String messageId, int items) {
    }

    public record Failure(Audience audience, int items, String error) {
    }
}
