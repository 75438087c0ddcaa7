package cn.lyg.xilian.core.alert;

import java.time.LocalDate;
import java.util.List;

/**
 * What a run did, for logs and metrics.
 *
 * @param found          findings due this run (before de-duplication)
 * @param newlyRecorded  findings not seen before
 * @param withoutAddress audiences with pending items but no known address (items stay pending)
 */
public record ScanReport(LocalDate asOf, int found, int newlyRecorded, List<Delivery> delivered,
                         List<Failure> failed, List<Audience> withoutAddress) {

    public ScanReport {
        delivered = List.copyOf(delivered);
        failed = List.copyOf(failed);
        withoutAddress = List.copyOf(withoutAddress);
    }

    public record Delivery(Audience audience, String messageId, int items) {
    }

    public record Failure(Audience audience, int items, String error) {
    }
}
