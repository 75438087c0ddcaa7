package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.supervision.UnitInbox;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import java.time.Instant;

/**
 * One unseen change for a unit: pk {@code PLAN#Y#INBOX#<unit>}, sk {@code <taskId>#<kind>#<key>}
 * (infra/dynamodb/TABLE.md). Deleted when the unit opens the task's page.
 */
record InboxItem(String pk, String sk, String taskId, String kind, String entryKey, String summary, Instant at)
        implements ItemSchema.Keyed {

    static final TableSchema<InboxItem> SCHEMA;

    static {
        var s = ItemSchema.item(InboxItem.class);
        var taskId = s.string("taskId", InboxItem::taskId);
        var kind = s.string("kind", InboxItem::kind);
        var entryKey = s.string("entryKey", InboxItem::entryKey);
        var summary = s.string("summary", InboxItem::summary);
        var at = s.time("at", InboxItem::at);
        SCHEMA = s.build(v -> new InboxItem(v.pk(), v.sk(), v.get(taskId), v.get(kind), v.get(entryKey),
                v.get(summary), v.get(at)));
    }

    static InboxItem of(int year, String unitId, UnitInbox.Entry e) {
        return new InboxItem(Keys.inboxPk(year, unitId), Keys.inboxSk(e.taskId(), e.kind().name(), e.key()),
                e.taskId(), e.kind().name(), e.key(), e.summary(), DynamoStore.millis(e.at()));
    }

    UnitInbox.Entry entry() {
        return new UnitInbox.Entry(taskId, UnitInbox.Entry.Kind.valueOf(kind), entryKey, summary, at);
    }
}
