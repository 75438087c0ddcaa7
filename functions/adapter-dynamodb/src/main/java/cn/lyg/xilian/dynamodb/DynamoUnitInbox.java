package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.supervision.UnitInbox;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;

/**
 * Units' inboxes ({@link InboxItem}): a PutItem per entry (the same entry again overwrites it with itself), one
 * consistent Query for all of a unit's entries, and at a task's opening one Query of that task's entries and a
 * DeleteItem for each found.
 */
public final class DynamoUnitInbox extends DynamoStore implements UnitInbox {

    public DynamoUnitInbox(DynamoDbClient client, DynamoDbSettings settings) {
        super(client, settings);
    }

    @Override
    public void add(int year, String unitId, Entry entry) {
        inbox().putItem(InboxItem.of(year, unitId, entry));
    }

    @Override
    public List<Entry> entries(int year, String unitId) {
        return items(inbox().query(q -> q.consistentRead(true).queryConditional(partition(Keys.inboxPk(year, unitId)))))
                .map(InboxItem::entry).toList();
    }

    @Override
    public void clearTask(int year, String unitId, String taskId) {
        items(inbox().query(q -> q.consistentRead(true)
                .queryConditional(beginsWith(Keys.inboxPk(year, unitId), Keys.inboxOfTaskPrefix(taskId)))))
                .forEach(item -> inbox().deleteItem(key(item.pk(), item.sk())));
    }

    private DynamoDbTable<InboxItem> inbox() {
        return table(InboxItem.SCHEMA);
    }
}
