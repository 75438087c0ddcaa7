package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.dynamodb.EvidenceItems.FileItem;
import cn.lyg.xilian.dynamodb.ExtensionItems.ExtensionItem;
import cn.lyg.xilian.dynamodb.InstructionItems.InstructionItem;
import cn.lyg.xilian.dynamodb.InstructionItems.ReadMarkItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The items of a task's supervision partition {@code PLAN#Y#SUP#<taskId>} that make up its record: reviews of
 * reports, extension requests, instructions, read marks and evidence files. The partition's other items (request
 * keys, pending slots, upload tickets, file slots) read as nothing.
 */
final class SupervisionPartition {

    private SupervisionPartition() {
    }

    sealed interface Item extends ItemSchema.Keyed
            permits ReviewItem, ExtensionItem, InstructionItem, ReadMarkItem, FileItem {
    }

    static final TableSchema<Item> SCHEMA = PartitionSchema.of(Item.class)
            .prefixed(Keys.REVIEW_PREFIX, ReviewItem.class, ReviewItem.SCHEMA)
            .prefixed(Keys.EXTENSION_PREFIX, ExtensionItem.class, ExtensionItem.SCHEMA)
            .prefixed(Keys.INSTRUCTION_PREFIX, InstructionItem.class, InstructionItem.SCHEMA)
            .prefixed(Keys.READ_PREFIX, ReadMarkItem.class, ReadMarkItem.SCHEMA)
            .prefixed(Keys.FILE_PREFIX, FileItem.class, FileItem.SCHEMA);
}
