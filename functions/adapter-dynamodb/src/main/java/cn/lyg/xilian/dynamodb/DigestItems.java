package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.report.DigestRecord;
import cn.lyg.xilian.core.report.ReportWeek;
import cn.lyg.xilian.core.report.StatusSnapshot;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** The items of a week's digest partition {@code PLAN#Y#DIGEST#W} (infra/dynamodb/TABLE.md). */
final class DigestItems {

    private DigestItems() {
    }

    /**
     * The delivery record of one week's mail to one recipient: sk the recipient id. {@code sentAt}/{@code messageId}
     * are absent while pending; {@code generation} is 0, +1 per admin re-send (part of the Message-ID); the gsi2 keys
     * ({@code PLAN#Y#PENDING} / {@code DIGEST#<W>#<recipient>}) are present only while unsent, so the pending index
     * stays as small as the backlog. {@code chatSentAt}: when the recipient's group robot took the week's message,
     * absent until then (the group-chat channel's own state; not indexed: the week's run reads its records by key).
     */
    record DigestItem(String pk, String sk, String gsi2pk, String gsi2sk, Integer planYear, String weekId,
                      String recipientId, Integer generation, Instant createdAt, Instant sentAt, String messageId,
                      Instant chatSentAt)
            implements ItemSchema.Keyed {

        static final String GENERATION = "generation";
        static final String SENT_AT = "sentAt";
        static final String CHAT_SENT_AT = "chatSentAt";
        static final String MESSAGE_ID = "messageId";

        static final TableSchema<DigestItem> SCHEMA;

        static {
            var s = ItemSchema.item(DigestItem.class);
            var gsi2pk = s.gsi2pk(DigestItem::gsi2pk);
            var gsi2sk = s.gsi2sk(DigestItem::gsi2sk);
            var planYear = s.integer("planYear", DigestItem::planYear);
            var weekId = s.string("weekId", DigestItem::weekId);
            var recipientId = s.string("recipientId", DigestItem::recipientId);
            var generation = s.integer(GENERATION, DigestItem::generation);
            var createdAt = s.time("createdAt", DigestItem::createdAt);
            var sentAt = s.time(SENT_AT, DigestItem::sentAt);
            var messageId = s.string(MESSAGE_ID, DigestItem::messageId);
            var chatSentAt = s.time(CHAT_SENT_AT, DigestItem::chatSentAt);
            SCHEMA = s.build(v -> new DigestItem(v.pk(), v.sk(), v.get(gsi2pk), v.get(gsi2sk), v.get(planYear),
                    v.get(weekId), v.get(recipientId), v.get(generation), v.get(createdAt), v.get(sentAt),
                    v.get(messageId), v.get(chatSentAt)));
        }

        static DigestItem of(DigestRecord r) {
            boolean sent = r.sent();
            return new DigestItem(Keys.digestPk(r.planYear(), r.weekId()), Keys.digestSk(r.recipientId()),
                    sent ? null : Keys.pendingPk(r.planYear()),
                    sent ? null : Keys.pendingDigestSk(r.weekId(), r.recipientId()),
                    r.planYear(), r.weekId(), r.recipientId(), r.generation(), r.createdAt(), sent ? r.sentAt() : null,
                    sent ? r.messageId() : null, r.chatSentAt());
        }

        static Key key(int planYear, ReportWeek week, String recipientId) {
            return DynamoStore.key(Keys.digestPk(planYear, week.id()), Keys.digestSk(recipientId));
        }

        DigestRecord record() {
            return new DigestRecord(planYear, weekId, recipientId, generation == null ? 0 : generation, createdAt,
                    sentAt, messageId, chatSentAt);
        }
    }

    /**
     * The week's end-of-week statuses: sk {@code SNAPSHOT}, about 130 entries ("3.1.2#ganyu" → status name, a native
     * map) in one item, written once by the week's first summary run.
     */
    record SnapshotItem(String pk, String sk, Integer planYear, String weekId, Map<String, String> statusByPair)
            implements ItemSchema.Keyed {

        static final TableSchema<SnapshotItem> SCHEMA;

        static {
            var s = ItemSchema.item(SnapshotItem.class);
            var planYear = s.integer("planYear", SnapshotItem::planYear);
            var weekId = s.string("weekId", SnapshotItem::weekId);
            var statusByPair = s.stringMap("statusByPair", SnapshotItem::statusByPair);
            SCHEMA = s.build(v -> new SnapshotItem(v.pk(), v.sk(), v.get(planYear), v.get(weekId),
                    v.get(statusByPair)));
        }

        static SnapshotItem of(int planYear, ReportWeek week, StatusSnapshot snapshot) {
            Map<String, String> statuses = new TreeMap<>();
            snapshot.statusByPair().forEach((pair, status) -> statuses.put(pair, status.name()));
            return new SnapshotItem(Keys.digestPk(planYear, week.id()), Keys.DIGEST_SNAPSHOT, planYear, week.id(),
                    statuses);
        }

        static Key key(int planYear, ReportWeek week) {
            return DynamoStore.key(Keys.digestPk(planYear, week.id()), Keys.DIGEST_SNAPSHOT);
        }

        StatusSnapshot snapshot() {
            Map<String, ProgressStatus> statuses = new TreeMap<>();
            if (statusByPair != null) {
                statusByPair.forEach((pair, status) -> statuses.put(pair, ProgressStatus.valueOf(status)));
            }
            return new StatusSnapshot(statuses);
        }
    }
}
