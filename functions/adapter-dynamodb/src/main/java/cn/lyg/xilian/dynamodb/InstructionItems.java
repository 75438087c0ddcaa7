package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.supervision.Instruction;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import java.time.Instant;
import java.util.Set;

/**
 * Instructions and read marks in the task's supervision partition {@code PLAN#Y#SUP#<taskId>}
 * (infra/dynamodb/TABLE.md).
 */
final class InstructionItems {

    private InstructionItems() {
    }

    /** An instruction (督办意见) to every unit of the task ({@code unitId} absent) or one: sk {@code NOTE#<key>}. */
    record InstructionItem(String pk, String sk, String gsi2pk, String gsi2sk, String type, String unitId,
                           String instructionKey, String text, Instant issuedAt, Set<String> waitingFor)
            implements SupervisionPartition.Item, WaitingIndex.Item {

        /** The addressed units that have not opened it; DynamoDB drops the set with its last member. */
        static final String WAITING_FOR = "waitingFor";

        static final TableSchema<InstructionItem> SCHEMA;

        static {
            var s = ItemSchema.item(InstructionItem.class);
            var gsi2pk = s.gsi2pk(InstructionItem::gsi2pk);
            var gsi2sk = s.gsi2sk(InstructionItem::gsi2sk);
            var type = s.string("type", InstructionItem::type);
            var unitId = s.string("unitId", InstructionItem::unitId);
            var instructionKey = s.string("instructionKey", InstructionItem::instructionKey);
            var text = s.string("text", InstructionItem::text);
            var issuedAt = s.time("issuedAt", InstructionItem::issuedAt);
            var waitingFor = s.stringSet(WAITING_FOR, InstructionItem::waitingFor);
            SCHEMA = s.build(v -> new InstructionItem(v.pk(), v.sk(), v.get(gsi2pk), v.get(gsi2sk), v.get(type),
                    v.get(unitId), v.get(instructionKey), v.get(text), v.get(issuedAt), v.get(waitingFor)));
        }

        /** A new instruction, waiting in gsi2 ({@link Keys#waitingPk}) until every addressed unit has opened it. */
        static InstructionItem of(Instruction i, Set<String> addressees) {
            boolean waiting = !addressees.isEmpty();
            return new InstructionItem(Keys.supervisionPk(i.planYear(), i.taskId()), Keys.instructionSk(i.key()),
                    waiting ? Keys.waitingPk(i.planYear()) : null,
                    waiting ? Keys.waitingInstructionSk(i.issuedAt(), i.taskId(), i.key()) : null,
                    "INSTRUCTION", i.unitId(), i.key(), i.text(), i.issuedAt(), waiting ? Set.copyOf(addressees) : null);
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
        return key(i.planYear(), i.taskId(), i.key());
    }

    static Key key(int year, String taskId, String instructionKey) {
        return DynamoStore.key(Keys.supervisionPk(year, taskId), Keys.instructionSk(instructionKey));
    }
}
