package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.supervision.Extension;
import cn.lyg.xilian.core.supervision.ExtensionRepository;
import cn.lyg.xilian.core.supervision.Write;
import cn.lyg.xilian.dynamodb.ExtensionItems.ExtensionItem;
import cn.lyg.xilian.dynamodb.ExtensionItems.PendingItem;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.Optional;

/**
 * Extension requests ({@link ExtensionItems}) in the task's supervision partition: {@code EXT#<unit>#<key>} and the
 * pair's one pending slot {@code PENDING#<unit>}. No transactions: each step is a conditional write that a retry
 * repeats harmlessly, and the state item's approved deadline ({@code extendedTo}) is written last, so a crash in
 * between heals on the client's retry.
 */
public final class DynamoExtensionRepository extends DynamoStore implements ExtensionRepository {

    public DynamoExtensionRepository(DynamoDbClient client, DynamoDbSettings settings) {
        super(client, settings);
    }

    @Override
    public Write<Extension> requestExtension(Extension request) {
        Extension r = withStoredTimes(request);
        Optional<Extension> same = extension(r.planYear(), r.taskId(), r.unitId(), r.key());
        if (same.isPresent()) {
            return new Write.Taken<>(same.get());
        }
        // Claim the pair's pending slot: free, ours (a retry) or stale (its request was never written).
        PendingItem slot = PendingItem.of(r);
        try {
            pending().putItem(b -> b.item(slot).conditionExpression(
                    Conditions.when("attribute_not_exists(pk) OR requestKey = :key", ":key", r.key())));
        } catch (ConditionalCheckFailedException taken) {
            String other = get(pending(), PendingItem.key(r)).orElseThrow().requestKey();
            Optional<Extension> holder = extension(r.planYear(), r.taskId(), r.unitId(), other);
            if (holder.isPresent() && holder.get().pending()) {
                return new Write.Taken<>(holder.get());
            }
            try { // the holder was decided (slot not yet released) or never written: take the slot over
                pending().putItem(b -> b.item(slot).conditionExpression(
                        Conditions.when("requestKey = :old", ":old", other)));
            } catch (ConditionalCheckFailedException raced) {
                return requestExtension(request);
            }
        }
        ExtensionItem item = ExtensionItem.request(r);
        if (!putIfAbsent(extensions(), item)) {
            return new Write.Taken<>(get(extensions(), key(item.pk(), item.sk())).orElseThrow().extension());
        }
        return new Write.Stored<>(r);
    }

    @Override
    public Write<Extension> decideExtension(Extension decided) {
        Extension d = withStoredTimes(decided);
        Write<Extension> result = setIf(extensions(), ExtensionItem.decision(d),
                Conditions.when("attribute_exists(pk) AND attribute_not_exists(decision)")) ? new Write.Stored<>(d)
                : new Write.Taken<>(extension(d.planYear(), d.taskId(), d.unitId(), d.key()).orElseThrow());
        // Also after a taken decision: a retry after a crash completes the stored decision's follow-ups.
        if (result.value().approved()) {
            applyDeadline(result.value());
        }
        releaseSlot(result.value());
        return result;
    }

    /** The most recently decided approval is the pair's deadline; an older one arriving late changes nothing. */
    private void applyDeadline(Extension e) {
        setIf(states(), StateItem.deadline(e.planYear(), e.taskId(), e.unitId(), e.grantedDate(), e.decidedAt()),
                Conditions.when("attribute_exists(pk) AND (attribute_not_exists(extendedAt) OR extendedAt <= :at)",
                        ":at", e.decidedAt()));
    }

    /** Not when released by an earlier attempt, or taken by a newer request. */
    private void releaseSlot(Extension e) {
        try {
            pending().deleteItem(b -> b.key(PendingItem.key(e))
                    .conditionExpression(Conditions.when("requestKey = :key", ":key", e.key())));
        } catch (ConditionalCheckFailedException alreadyReleased) {
            // nothing to release
        }
    }

    @Override
    public Optional<Extension> extension(int year, String taskId, String unitId, String key) {
        return get(extensions(), ExtensionItem.key(year, taskId, unitId, key)).map(ExtensionItem::extension);
    }

    private static Extension withStoredTimes(Extension e) {
        return new Extension(e.planYear(), e.taskId(), e.unitId(), e.key(), e.planDeadline(), e.requestedDate(),
                e.reason(), millis(e.requestedAt()), e.decision(), e.grantedDate(), e.note(),
                millis(e.decidedAt()));
    }

    private DynamoDbTable<ExtensionItem> extensions() {
        return table(ExtensionItem.SCHEMA);
    }

    private DynamoDbTable<PendingItem> pending() {
        return table(PendingItem.SCHEMA);
    }

    private DynamoDbTable<StateItem> states() {
        return table(StateItem.SCHEMA);
    }
}
