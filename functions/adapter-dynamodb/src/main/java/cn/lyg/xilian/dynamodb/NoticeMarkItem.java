package cn.lyg.xilian.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import java.time.Instant;

/**
 * The delivery of one supervision email (督办意见, extension decision) to one unit, in the task's supervision partition:
 * sk {@code MAILED#<noticeId>}. Written once after the send; the task's record does not read it.
 */
record NoticeMarkItem(String pk, String sk, String messageId, Instant notifiedAt) implements ItemSchema.Keyed {

    static final TableSchema<NoticeMarkItem> SCHEMA;

    static {
        var s = ItemSchema.item(NoticeMarkItem.class);
        var messageId = s.string("messageId", NoticeMarkItem::messageId);
        var notifiedAt = s.time("notifiedAt", NoticeMarkItem::notifiedAt);
        SCHEMA = s.build(v -> new NoticeMarkItem(v.pk(), v.sk(), v.get(messageId), v.get(notifiedAt)));
    }

    static Key key(int year, String taskId, String noticeId) {
        return DynamoStore.key(Keys.supervisionPk(year, taskId), Keys.noticeMarkSk(noticeId));
    }
}
