package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.supervision.Instruction;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import java.time.Instant;

/**
 * Instructions and read marks in the task's supervision partition {@code PLAN#Y#SUP#<taskId>}
 * (infra/dynamodb/TABLE.md).
 */
final class InstructionItems {

    private InstructionItems() {
    }

    /** An instruction (督办意见) to every unit of the task ({@code unitId} absent) or one: sk {@code NOTE#<key>}. */
    record InstructionItem(String pk, String sk, String type, String unitId, String instructionKey, String text,
                           Instant issuedAt) implements SupervisionPartition.Item {

        static final TableSchema<InstructionItem> SCHEMA;

        static {
            var s = ItemSchema.item(InstructionItem.class);
            var type = s.string("type", InstructionItem::type);
            var unitId = s.string("unitId", InstructionItem::unitId);
            var instructionKey = s.string("instructionKey", InstructionItem::instructionKey);
            var text = s.string("text", InstructionItem::text);
            var issuedAt = s.time("issuedAt", InstructionItem::issuedAt);
            SCHEMA = s.build(v -> new InstructionItem(v.pk(), v.sk(), v.get(type), v.get(unitId),
                    v.get(instructionKey), v.get(text), v.get(issuedAt)));
        }

        static InstructionItem of(Instruction i) {
            return new InstructionItem(Keys.supervisionPk(i.planYear(), i.taskId()), Keys.instructionSk(i.key()),
                    "INSTRUCTION", i.unitId(), i.key(), i.text(), i.issuedAt());
        }

        Instruction instruction() {
            return new Instruction(Keys.supervisionYear(pk), Keys.supervisionTask(pk), unitId, instructionKey, text,
                    issuedAt);
        }
    }

    /** The first time a unit opened an instruction: sk {@code READ#<unit>#<instructionKey>}. */
    record ReadMarkItem(String pk, String sk, String unitId, String instructionKey, Instant readAt)
            implements SupervisionPartition.Item {

        static final TableSchema<ReadMarkItem> SCHEMA;

        static {
            var s = ItemSchema.item(ReadMarkItem.class);
            var unitId = s.string("unitId", ReadMarkItem::unitId);
            var instructionKey = s.string("instructionKey", ReadMarkItem::instructionKey);
            var readAt = s.time("readAt", ReadMarkItem::readAt);
            SCHEMA = s.build(v -> new ReadMarkItem(v.pk(), v.sk(), v.get(unitId), v.get(instructionKey),
                    v.get(readAt)));
        }

        static ReadMarkItem of(int year, String taskId, String unitId, String instructionKey, Instant readAt) {
            return new ReadMarkItem(Keys.supervisionPk(year, taskId), Keys.readSk(unitId, instructionKey), unitId,
                    instructionKey, readAt);
        }

        /** As {@code TaskSupervision} lists what was read: {@code unitId#instructionKey}. */
        String readKey() {
            return unitId + Keys.SEPARATOR + instructionKey;
        }
    }

    static Key key(Instruction i) {
        return DynamoStore.key(Keys.supervisionPk(i.planYear(), i.taskId()), Keys.instructionSk(i.key()));
    }
}
