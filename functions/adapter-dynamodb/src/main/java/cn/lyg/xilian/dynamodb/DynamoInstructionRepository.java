package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.supervision.Instruction;
import cn.lyg.xilian.core.supervision.InstructionRepository;
import cn.lyg.xilian.core.supervision.Write;
import cn.lyg.xilian.dynamodb.InstructionItems.InstructionItem;
import cn.lyg.xilian.dynamodb.InstructionItems.ReadMarkItem;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.Collection;

/** Instructions and read marks ({@link InstructionItems}) in the task's supervision partition; each put once. */
public final class DynamoInstructionRepository extends DynamoStore implements InstructionRepository {

    public DynamoInstructionRepository(DynamoDbClient client, DynamoDbSettings settings) {
        super(client, settings);
    }

    @Override
    public Write<Instruction> instruct(Instruction instruction) {
        Instruction i = new Instruction(instruction.planYear(), instruction.taskId(), instruction.unitId(),
                instruction.key(), instruction.text(), millis(instruction.issuedAt()));
        if (!putIfAbsent(instructions(), InstructionItem.of(i))) {
            return new Write.Taken<>(get(instructions(), InstructionItems.key(i)).orElseThrow().instruction());
        }
        return new Write.Stored<>(i);
    }

    @Override
    public java.util.Optional<Instruction> instruction(int year, String taskId, String key) {
        return get(instructions(), DynamoStore.key(Keys.supervisionPk(year, taskId), Keys.instructionSk(key)))
                .map(InstructionItem::instruction);
    }

    /** The first open counts. */
    @Override
    public void markRead(int year, String taskId, String unitId, Collection<String> instructionKeys, Instant at) {
        for (String key : instructionKeys) {
            putIfAbsent(reads(), ReadMarkItem.of(year, taskId, unitId, key, at));
        }
    }

    private DynamoDbTable<InstructionItem> instructions() {
        return table(InstructionItem.SCHEMA);
    }

    private DynamoDbTable<ReadMarkItem> reads() {
        return table(ReadMarkItem.SCHEMA);
    }
}
