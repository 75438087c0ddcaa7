package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.supervision.Extension;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import java.time.Instant;
import java.time.LocalDate;

/** Extension requests in the task's supervision partition {@code PLAN#Y#SUP#<taskId>} (infra/dynamodb/TABLE.md). */
final class ExtensionItems {

    private ExtensionItems() {
    }

    /**
     * A request and, once decided, its decision: sk {@code EXT#<unit>#<requestKey>}. The request part is put once;
     * the decision ({@code decision}, {@code decidedAt}, {@code grantedDate}, {@code note}) is set once by an update.
     * The year and task come from the partition key.
     */
    record ExtensionItem(String pk, String sk, String type, String unitId, String requestKey, LocalDate planDeadline,
                         LocalDate requestedDate, String reason, Instant requestedAt, Extension.Decision decision,
                         LocalDate grantedDate, String note, Instant decidedAt) implements SupervisionPartition.Item {

        static final TableSchema<ExtensionItem> SCHEMA;

        static {
            var s = ItemSchema.item(ExtensionItem.class);
            var type = s.string("type", ExtensionItem::type);
            var unitId = s.string("unitId", ExtensionItem::unitId);
            var requestKey = s.string("requestKey", ExtensionItem::requestKey);
            var planDeadline = s.date("planDeadline", ExtensionItem::planDeadline);
            var requestedDate = s.date("requestedDate", ExtensionItem::requestedDate);
            var reason = s.string("reason", ExtensionItem::reason);
            var requestedAt = s.time("requestedAt", ExtensionItem::requestedAt);
            var decision = s.enumeration("decision", Extension.Decision.class, ExtensionItem::decision);
            var grantedDate = s.date("grantedDate", ExtensionItem::grantedDate);
            var note = s.string("note", ExtensionItem::note);
            var decidedAt = s.time("decidedAt", ExtensionItem::decidedAt);
            SCHEMA = s.build(v -> new ExtensionItem(v.pk(), v.sk(), v.get(type), v.get(unitId),
                    v.get(requestKey), v.get(planDeadline), v.get(requestedDate), v.get(reason), v.get(requestedAt),
                    v.get(decision), v.get(grantedDate), v.get(note), v.get(decidedAt)));
        }

        /** The request part. */
        static ExtensionItem request(Extension e) {
            return new ExtensionItem(Keys.supervisionPk(e.planYear(), e.taskId()),
                    Keys.extensionSk(e.unitId(), e.key()),
                    "EXTENSION", e.unitId(), e.key(), e.planDeadline(), e.requestedDate(), e.reason(), e.requestedAt(),
                    null, null, null, null);
        }

        /** The key and the decision part, nothing else: what an update sets. */
        static ExtensionItem decision(Extension e) {
            return new ExtensionItem(Keys.supervisionPk(e.planYear(), e.taskId()),
                    Keys.extensionSk(e.unitId(), e.key()),
                    null, null, null, null, null, null, null, e.decision(), e.grantedDate(), e.note(), e.decidedAt());
        }

        static Key key(int year, String taskId, String unitId, String requestKey) {
            return DynamoStore.key(Keys.supervisionPk(year, taskId), Keys.extensionSk(unitId, requestKey));
        }

        Extension extension() {
            return new Extension(Keys.supervisionYear(pk), Keys.supervisionTask(pk), unitId, requestKey, planDeadline,
                    requestedDate, reason, requestedAt, decision, grantedDate, note, decidedAt);
        }
    }

    /**
     * The one pending-request slot of a (task, unit): sk {@code PENDING#<unit>}, holding the request's key and a
     * copy of the request, indexed in the year's waiting partition of gsi2 ({@link Keys#waitingPk}) until it is
     * released, so the 待办 lists every pending request with one query.
     */
    record PendingItem(String pk, String sk, String gsi2pk, String gsi2sk, String requestKey, String unitId,
                       LocalDate planDeadline, LocalDate requestedDate, String reason, Instant requestedAt)
            implements ItemSchema.Keyed, WaitingIndex.Item {

        static final TableSchema<PendingItem> SCHEMA;

        static {
            var s = ItemSchema.item(PendingItem.class);
            var gsi2pk = s.gsi2pk(PendingItem::gsi2pk);
            var gsi2sk = s.gsi2sk(PendingItem::gsi2sk);
            var requestKey = s.string("requestKey", PendingItem::requestKey);
            var unitId = s.string("unitId", PendingItem::unitId);
            var planDeadline = s.date("planDeadline", PendingItem::planDeadline);
            var requestedDate = s.date("requestedDate", PendingItem::requestedDate);
            var reason = s.string("reason", PendingItem::reason);
            var requestedAt = s.time("requestedAt", PendingItem::requestedAt);
            SCHEMA = s.build(v -> new PendingItem(v.pk(), v.sk(), v.get(gsi2pk), v.get(gsi2sk), v.get(requestKey),
                    v.get(unitId), v.get(planDeadline), v.get(requestedDate), v.get(reason), v.get(requestedAt)));
        }

        static PendingItem of(Extension e) {
            return new PendingItem(Keys.supervisionPk(e.planYear(), e.taskId()), Keys.pendingExtensionSk(e.unitId()),
                    Keys.waitingPk(e.planYear()), Keys.waitingExtensionSk(e.requestedAt(), e.taskId(), e.unitId()),
                    e.key(), e.unitId(), e.planDeadline(), e.requestedDate(), e.reason(), e.requestedAt());
        }

        static Key key(Extension e) {
            return DynamoStore.key(Keys.supervisionPk(e.planYear(), e.taskId()), Keys.pendingExtensionSk(e.unitId()));
        }

        /** The pending request as the slot copied it. */
        Extension extension() {
            return new Extension(Keys.supervisionYear(pk), Keys.supervisionTask(pk), unitId, requestKey, planDeadline,
                    requestedDate, reason, requestedAt, null, null, null, null);
        }
    }
}
