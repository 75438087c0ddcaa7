package cn.lyg.xilian.core.report;

import java.util.List;

/**
 * What one run of {@link SendWeeklySummary} did, for logs and the admin.
 *
 * @param sent           recipients whose mail the transport accepted in this run
 * @param alreadySent    recipients skipped because the week's mail had gone to them before
 * @param failed         recipients whose render or send failed; their records stay pending
 * @param withoutAddress recipients with something to receive but no known address (no record is made,
 *                       so adding an address and running again sends it)
 * @param reopened       sent records made pending again by an admin re-send (0 otherwise)
 * @param chat           one outcome per recipient whose group-chat message was due in this run
 */
public record SummaryRunReport(ReportWeek week, List<String> sent, List<String> alreadySent,
                               List<Failure> failed, List<String> withoutAddress, int reopened,
                               List<cn.lyg.xilian.core.chat.outcome.ChatOutcome> chat) {

    public SummaryRunReport(ReportWeek week, List<String> sent, List<String> alreadySent, List<Failure> failed,
                            List<String> withoutAddress, int reopened) {
        this(week, sent, alreadySent, failed, withoutAddress, reopened, List.of());
    }

    public SummaryRunReport {
        chat = List.copyOf(chat);
        sent = List.copyOf(sent);
        alreadySent = List.copyOf(alreadySent);
        failed = List.copyOf(failed);
        withoutAddress = List.copyOf(withoutAddress);
    }

    public record Failure(String recipientId, String error) {
    }
}
