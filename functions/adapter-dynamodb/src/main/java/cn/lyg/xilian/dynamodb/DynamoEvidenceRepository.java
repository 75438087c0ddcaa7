package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.evidence.EvidenceFile;
import cn.lyg.xilian.core.evidence.EvidenceRepository;
import cn.lyg.xilian.core.evidence.ReportRef;
import cn.lyg.xilian.core.evidence.UploadTicket;
import cn.lyg.xilian.dynamodb.EvidenceItems.FileItem;
import cn.lyg.xilian.dynamodb.EvidenceItems.SlotsItem;
import cn.lyg.xilian.dynamodb.EvidenceItems.UploadItem;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evidence items ({@link EvidenceItems}) in the task's supervision partition: recorded files, the report's file
 * slots and the tickets of direct uploads. No transactions: each write is conditional and a retry repeats it
 * harmlessly.
 */
public final class DynamoEvidenceRepository extends DynamoStore implements EvidenceRepository {

    public DynamoEvidenceRepository(DynamoDbClient client, DynamoDbSettings settings) {
        super(client, settings);
    }

    // --- tickets of direct uploads ---

    /** Once per upload id: a retry leaves the ticket as first issued. */
    @Override
    public void issue(UploadTicket t) {
        putIfAbsent(uploads(), UploadItem.of(t));
    }

    @Override
    public Optional<UploadTicket> ticket(ReportRef r, String uploadId) {
        return get(uploads(), UploadItem.key(r, uploadId)).map(item -> item.ticket(r));
    }

    @Override
    public Claim claim(ReportRef r, String uploadId, String name) {
        if (setIf(uploads(), UploadItem.claim(r, uploadId, name), Conditions.when(
                "attribute_exists(pk) AND (attribute_not_exists(claimedName) OR claimedName = :n)", ":n", name))) {
            return Claim.CLAIMED;
        }
        return ticket(r, uploadId).isPresent() ? Claim.TAKEN : Claim.MISSING;
    }

    // --- the report's file slots ---

    /**
     * Low-level ({@code ADD} to a set under a {@code size()} condition): one UpdateItem adds the ids when the set has
     * room for those not yet recorded; the recorded ids ride along, so a report whose files were recorded before
     * slots existed starts from them. When the condition fails, the ids may all be there already (a retry): a
     * consistent read tells.
     */
    @Override
    public boolean reserve(ReportRef r, Set<String> fileIds, Set<String> recorded, int max) {
        Set<String> all = new LinkedHashSet<>(recorded);
        all.addAll(fileIds);
        long adding = fileIds.stream().filter(id -> !recorded.contains(id)).count();
        if (all.size() > max) {
            return false;
        }
        try {
            client.updateItem(b -> b.tableName(tableName).key(slotsKey(r))
                    .updateExpression("SET #type = :type ADD fileIds :ids")
                    .conditionExpression("attribute_not_exists(fileIds) OR size(fileIds) <= :room")
                    .expressionAttributeNames(Map.of("#type", "type"))
                    .expressionAttributeValues(Map.of(":type", Conditions.s("SLOTS"),
                            ":ids", AttributeValue.fromSs(List.copyOf(all)),
                            ":room", AttributeValue.fromN(Long.toString(max - adding)))));
            return true;
        } catch (ConditionalCheckFailedException full) {
            return get(slots(), SlotsItem.key(r)).map(SlotsItem::fileIds).map(ids -> ids.containsAll(fileIds))
                    .orElse(false);
        }
    }

    /** Low-level: {@code DELETE} from the set. */
    @Override
    public void release(ReportRef r, Set<String> fileIds) {
        if (fileIds.isEmpty()) {
            return;
        }
        client.updateItem(b -> b.tableName(tableName).key(slotsKey(r))
                .updateExpression("DELETE fileIds :ids")
                .expressionAttributeValues(Map.of(":ids", AttributeValue.fromSs(List.copyOf(fileIds)))));
    }

    private static Map<String, AttributeValue> slotsKey(ReportRef r) {
        return Conditions.key(Keys.supervisionPk(r.year(), r.taskId()), Keys.slotsSk(r.unitId(), r.reportKey()));
    }

    // --- recorded files ---

    /** Once per file id: a retry finds the state marked by the first write. */
    @Override
    public void recordFile(EvidenceFile f) {
        if (putIfAbsent(files(), FileItem.of(f))) {
            markEvidence(f);
        }
    }

    /**
     * The state lists the file names of its latest report (ledger, board): appended when the list is that report's
     * (low-level: {@code list_append}), started afresh when it was an older report's; nothing when the file's report
     * is no longer the latest.
     */
    private void markEvidence(EvidenceFile f) {
        Map<String, AttributeValue> key = Conditions.key(Keys.planPk(f.planYear()), Keys.state(f.taskId(), f.unitId()));
        try {
            client.updateItem(b -> b.tableName(tableName).key(key)
                    .updateExpression("SET evidenceNames = list_append(evidenceNames, :n)")
                    .conditionExpression("#latest.#k = :rk AND evidenceOf = :rk")
                    .expressionAttributeNames(Map.of("#latest", StateItem.LATEST, "#k", SubmissionData.IDEMPOTENCY_KEY))
                    .expressionAttributeValues(Map.of(
                            ":n", AttributeValue.fromL(List.of(Conditions.s(f.displayName()))),
                            ":rk", Conditions.s(f.reportKey()))));
        } catch (ConditionalCheckFailedException notThisReportsList) {
            // the unit has reported again otherwise: the file stays with its report in the history
            setIf(states(), StateItem.evidence(f.planYear(), f.taskId(), f.unitId(), f.reportKey(), f.displayName()),
                    Conditions.when("#latest.#k = :rk AND (attribute_not_exists(evidenceOf) OR evidenceOf <> :rk)",
                            "#latest", StateItem.LATEST, "#k", SubmissionData.IDEMPOTENCY_KEY, ":rk", f.reportKey()));
        }
    }

    @Override
    public List<EvidenceFile> files(ReportRef r) {
        return items(files().query(q -> q.consistentRead(true).queryConditional(beginsWith(Keys.supervisionPk(r.year(),
                        r.taskId()), Keys.filesOfReportPrefix(r.unitId(), r.reportKey())))))
                .map(FileItem::file)
                .sorted(Comparator.comparing(EvidenceFile::uploadedAt).thenComparing(EvidenceFile::fileId))
                .toList();
    }

    private DynamoDbTable<FileItem> files() {
        return table(FileItem.SCHEMA);
    }

    private DynamoDbTable<UploadItem> uploads() {
        return table(UploadItem.SCHEMA);
    }

    private DynamoDbTable<SlotsItem> slots() {
        return table(SlotsItem.SCHEMA);
    }

    private DynamoDbTable<StateItem> states() {
        return table(StateItem.SCHEMA);
    }
}
