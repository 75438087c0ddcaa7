package cn.lyg.xilian.core.report;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * The delivery record of one week's mail to one recipient ({@code PLAN#Y#DIGEST#W} / recipient id).
 *
 * @param recipientId "coordinators" or "unit:<unitId>" (the alert audiences' keys)
 * @param generation  0 for the scheduled send, +1 for each admin re-send of the week; part of the
 *                    Message-ID, so a re-sent mail is a new message to mail clients
 * @param sentAt      null while pending
 * @param chatSentAt  when the recipient's group robot took the week's message; null while not (no robot, or it
 *                    failed): the group-chat channel's own state, so neither channel's retry repeats the other
 */
public record DigestRecord(int planYear, String weekId, String recipientId, int generation, Instant createdAt,
                           @Nullable Instant sentAt, @Nullable String messageId, @Nullable Instant chatSentAt) {

    public DigestRecord(int planYear, String weekId, String recipientId, int generation, Instant createdAt,
                        @Nullable Instant sentAt, @Nullable String messageId) {
        this(planYear, weekId, recipientId, generation, createdAt, sentAt, messageId, null);
    }

    public boolean chatSent() {
        return chatSentAt != null;
    }

    public DigestRecord markedChatSent(Instant at) {
        return new DigestRecord(planYear, weekId, recipientId, generation, createdAt, sentAt, messageId, at);
    }

    public boolean sent() {
        return sentAt != null;
    }

    public static DigestRecord pending(int planYear, ReportWeek week, String recipientId, Instant createdAt) {
        return new DigestRecord(planYear, week.id(), recipientId, 0, createdAt, null, null);
    }

    public DigestRecord markedSent(String messageId, Instant at) {
        return new DigestRecord(planYear, weekId, recipientId, generation, createdAt, at, messageId, chatSentAt);
    }

    /** Pending again on both channels, one generation later: the admin re-send. */
    public DigestRecord reopened() {
        return new DigestRecord(planYear, weekId, recipientId, generation + 1, createdAt, null, null);
    }
}
