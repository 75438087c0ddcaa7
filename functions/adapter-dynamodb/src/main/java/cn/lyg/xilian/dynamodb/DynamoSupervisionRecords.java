package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.evidence.EvidenceFile;
import cn.lyg.xilian.core.progress.Review;
import cn.lyg.xilian.core.supervision.Extension;
import cn.lyg.xilian.core.supervision.Instruction;
import cn.lyg.xilian.core.supervision.SupervisionRecords;
import cn.lyg.xilian.core.supervision.TaskSupervision;
import cn.lyg.xilian.dynamodb.EvidenceItems.FileItem;
import cn.lyg.xilian.core.supervision.Waiting;
import cn.lyg.xilian.dynamodb.ExtensionItems.ExtensionItem;
import cn.lyg.xilian.dynamodb.ExtensionItems.PendingItem;
import cn.lyg.xilian.dynamodb.InstructionItems.InstructionItem;
import cn.lyg.xilian.dynamodb.InstructionItems.ReadMarkItem;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A task's supervision record in one consistent Query of its supervision partition ({@link SupervisionPartition}):
 * what the reviews, extension, instruction and evidence repositories wrote there.
 */
public final class DynamoSupervisionRecords extends DynamoStore implements SupervisionRecords {

    public DynamoSupervisionRecords(DynamoDbClient client, DynamoDbSettings settings) {
        super(client, settings);
    }

    @Override
    public TaskSupervision ofTask(int year, String taskId) {
        Map<String, Review> reviews = new HashMap<>();
        List<Extension> extensions = new ArrayList<>();
        List<Instruction> instructions = new ArrayList<>();
        Set<String> read = new HashSet<>();
        List<EvidenceFile> files = new ArrayList<>();
        items(partition().query(q -> q.consistentRead(true)
                .queryConditional(partition(Keys.supervisionPk(year, taskId)))))
                .forEach(item -> {
                    switch (item) {
                        case ReviewItem r -> reviews.put(r.unitId() + Keys.SEPARATOR + r.submissionKey(), r.review());
                        case ExtensionItem e -> extensions.add(e.extension());
                        case InstructionItem i -> instructions.add(i.instruction());
                        case ReadMarkItem m -> read.add(m.readKey());
                        case FileItem f -> files.add(f.file());
                    }
                });
        return new TaskSupervision(taskId, reviews, extensions, instructions, read, files);
    }

    /** One (eventually consistent: a GSI) query of the year's waiting partition; pages read to the end. */
    @Override
    public Waiting waiting(int year) {
        List<Extension> pending = new ArrayList<>();
        List<Waiting.UnreadInstruction> unread = new ArrayList<>();
        items(table(WaitingIndex.SCHEMA).index(TableDefinition.GSI2)
                .query(q -> q.queryConditional(partition(Keys.waitingPk(year)))))
                .forEach(item -> {
                    switch (item) {
                        case PendingItem p -> pending.add(p.extension());
                        case InstructionItem i -> {
                            if (i.waitingFor() != null && !i.waitingFor().isEmpty()) {
                                unread.add(new Waiting.UnreadInstruction(i.instruction(), i.waitingFor()));
                            }
                        }
                    }
                });
        return new Waiting(pending, unread);
    }

    private DynamoDbTable<SupervisionPartition.Item> partition() {
        return table(SupervisionPartition.SCHEMA);
    }
}
