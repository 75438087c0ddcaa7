package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.supervision.NoticeMarks;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;

/** Delivery marks of supervision emails ({@link NoticeMarkItem}): a consistent GetItem, a put-if-absent. */
public final class DynamoNoticeMarks extends DynamoStore implements NoticeMarks {

    public DynamoNoticeMarks(DynamoDbClient client, DynamoDbSettings settings) {
        super(client, settings);
    }

    @Override
    public boolean notified(int year, String taskId, String noticeId) {
        return get(marks(), NoticeMarkItem.key(year, taskId, noticeId)).isPresent();
    }

    @Override
    public void markNotified(int year, String taskId, String noticeId, String messageId, Instant at) {
        putIfAbsent(marks(), new NoticeMarkItem(Keys.supervisionPk(year, taskId), Keys.noticeMarkSk(noticeId),
                messageId, millis(at)));
    }

    private DynamoDbTable<NoticeMarkItem> marks() {
        return table(NoticeMarkItem.SCHEMA);
    }
}
