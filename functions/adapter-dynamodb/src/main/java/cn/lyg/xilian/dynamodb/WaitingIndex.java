package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.dynamodb.ExtensionItems.PendingItem;
import cn.lyg.xilian.dynamodb.InstructionItems.InstructionItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The items of a plan year's waiting partition of gsi2 ({@link Keys#waitingPk}): pending extension slots and
 * instructions not yet opened by every addressed unit, told apart by their table sort key.
 */
final class WaitingIndex {

    private WaitingIndex() {
    }

    sealed interface Item extends ItemSchema.Keyed permits PendingItem, InstructionItem {
    }

    // The pending slot first: the schema's metadata (its gsi2 keys) is the first part's.
    static final TableSchema<Item> SCHEMA = PartitionSchema.of(Item.class)
            .prefixed(Keys.PENDING_EXTENSION_PREFIX, PendingItem.class, PendingItem.SCHEMA)
            .prefixed(Keys.INSTRUCTION_PREFIX, InstructionItem.class, InstructionItem.SCHEMA);
}
