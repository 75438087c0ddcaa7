package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.report.DigestRecord;
import cn.lyg.xilian.core.report.ReportWeek;
import cn.lyg.xilian.core.report.StatusSnapshot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Remembers which weekly mails went out, one record per (week, recipient), so that the weekly job
 * can run any number of times: create-if-absent as pending, mark sent after the transport accepted it.
 * See infra/dynamodb/TABLE.md ({@code PLAN#Y#DIGEST#W}).
 */
public interface DigestRepository {

    /**
     * Creates the record as pending unless one exists (a conditional create, safe against concurrent
     * runs) and returns the stored record, which may already be sent.
     */
    DigestRecord claim(int planYear, ReportWeek week, String recipientId, Instant now);

    /** Marks the record sent with the Message-ID used. Idempotent. */
    void markSent(int planYear, ReportWeek week, String recipientId, String messageId, Instant sentAt);

    /**
     * Marks the week's group-chat message to the recipient sent. Idempotent (a repeat keeps the first time); the email
     * state is untouched. The record exists: {@link #claim} came first.
     */
    void markChatSent(int planYear, ReportWeek week, String recipientId, Instant sentAt);

    /** Every record of the week, for the admin view and tests. */
    List<DigestRecord> ofWeek(int planYear, ReportWeek week);

    /**
     * The admin re-send: every sent record of the week becomes pending again on both channels, one generation later,
     * so the next run sends the week again. Pending records are left as they are.
     *
     * @return how many records were reopened
     */
    int reopen(int planYear, ReportWeek week);

    /** The end-of-week statuses saved with a week's summary, the next week's baseline. */
    Optional<StatusSnapshot> snapshot(int planYear, ReportWeek week);

    /** Saves the week's snapshot unless one exists: the first run of a week fixes it. */
    void saveSnapshotIfAbsent(int planYear, ReportWeek week, StatusSnapshot snapshot);
}
