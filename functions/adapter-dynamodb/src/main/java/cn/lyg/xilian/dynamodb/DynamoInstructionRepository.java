package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.supervision.Instruction;
import cn.lyg.xilian.core.supervision.InstructionRepository;
import cn.lyg.xilian.core.supervision.Write;
import cn.lyg.xilian.dynamodb.InstructionItems.InstructionItem;
import cn.lyg.xilian.dynamodb.InstructionItems.ReadMarkItem;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Instructions and read marks ({@link InstructionItems}) in the task's supervision partition; each put once. */
public final class DynamoInstructionRepository extends DynamoStore implements InstructionRepository {

    public DynamoInstructionRepository(DynamoDbClient client, DynamoDbSettings settings) {
        super(client, settings);
    }

    @Override
    public Write<Instruction> instruct(Instruction instruction, Set<String> addressees) {
        Instruction i = new Instruction(instruction.planYear(), instruction.taskId(), instruction.unitId(),
                instruction.key(), instruction.text(), millis(instruction.issuedAt()));
        if (!putIfAbsent(instructions(), InstructionItem.of(i, addressees))) {
            return new Write.Taken<>(get(instructions(), InstructionItems.key(i)).orElseThrow().instruction());
        }
        return new Write.Stored<>(i);
    }

    @Override
    public java.util.Optional<Instruction> instruction(int year, String taskId, String key) {
        return get(instructions(), DynamoStore.key(Keys.supervisionPk(year, taskId), Keys.instructionSk(key)))
                .map(InstructionItem::instruction);
    }

    /**
     * The first open counts. The unit also leaves the instruction's {@code waitingFor}; with the last one gone the
     * instruction leaves the waiting index. Each step repeats harmlessly, so a later open heals an interrupted one.
     */
    @Override
    public void markRead(int year, String taskId, String unitId, Collection<String> instructionKeys, Instant at) {
        for (String key : instructionKeys) {
            putIfAbsent(reads(), ReadMarkItem.of(year, taskId, unitId, key, at));
            stopWaiting(year, taskId, key, unitId);
        }
    }

    /** Low-level: a set {@code DELETE} has no Enhanced Client form. */
    private void stopWaiting(int year, String taskId, String instructionKey, String unitId) {
        Map<String, AttributeValue> key = Conditions.key(Keys.supervisionPk(year, taskId),
                Keys.instructionSk(instructionKey));
        UpdateItemResponse updated;
        try {
            updated = client.updateItem(b -> b.tableName(tableName).key(key)
                    .updateExpression("DELETE #waitingFor :unit")
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#waitingFor", InstructionItem.WAITING_FOR,
                            "#pk", TableDefinition.PK))
                    .expressionAttributeValues(Map.of(":unit", AttributeValue.fromSs(List.of(unitId))))
                    .returnValues(ReturnValue.ALL_NEW));
        } catch (ConditionalCheckFailedException noSuchInstruction) {
            return;
        }
        if (!updated.attributes().containsKey(InstructionItem.WAITING_FOR)
                && updated.attributes().containsKey(TableDefinition.GSI2_PK)) {
            leaveIndexOnceEmpty(key.get(TableDefinition.PK).s(), key.get(TableDefinition.SK).s(),
                    InstructionItem.WAITING_FOR);
        }
    }

    private DynamoDbTable<InstructionItem> instructions() {
        return table(InstructionItem.SCHEMA);
    }

    private DynamoDbTable<ReadMarkItem> reads() {
        return table(ReadMarkItem.SCHEMA);
    }
}
