package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.evidence.EvidenceFile;
import cn.lyg.xilian.core.evidence.EvidenceRepository;
import cn.lyg.xilian.core.evidence.EvidenceType;
import cn.lyg.xilian.core.evidence.ReportRef;
import cn.lyg.xilian.core.evidence.UploadTicket;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evidence items in the task's supervision partition {@code PLAN#Y#SUP#<taskId>} (infra/dynamodb/TABLE.md):
 * {@code FILE#<unit>#<report>#<fileId>} (a recorded file), {@code SLOTS#<unit>#<report>} (the report's file ids, a
 * string set whose size a conditional write keeps within the limit) and {@code UPLOAD#<unit>#<report>#<uploadId>}
 * (the ticket of a direct upload). No transactions: each write is conditional and a retry repeats it harmlessly.
 */
public final class DynamoEvidenceRepository extends DynamoStore implements EvidenceRepository {

    public DynamoEvidenceRepository(DynamoDbClient client, DynamoDbSettings settings) {
        super(client, settings);
    }

    // --- tickets of direct uploads ---

    @Override
    public void issue(UploadTicket t) {
        ReportRef r = t.report();
        Map<String, AttributeValue> item = Attributes.item()
                .key(Keys.supervisionPk(r.year(), r.taskId()), Keys.uploadSk(r.unitId(), r.reportKey(), t.uploadId()))
                .s("type", "UPLOAD")
                .s("unitId", r.unitId())
                .s("reportKey", r.reportKey())
                .s("uploadId", t.uploadId())
                .time("issuedAt", t.issuedAt())
                .s("claimedName", t.claimedName())
                .build();
        try {
            client.putItem(Conditions.putIfAbsent(table, item));
        } catch (ConditionalCheckFailedException issuedBefore) {
            // a retry: the ticket stands as first issued
        }
    }

    @Override
    public Optional<UploadTicket> ticket(ReportRef r, String uploadId) {
        return Conditions.consistentGet(client, table, ticketKey(r, uploadId)).map(Attributes::of)
                .map(i -> new UploadTicket(r, i.s("uploadId"), i.time("issuedAt"), i.s("claimedName")));
    }

    @Override
    public Claim claim(ReportRef r, String uploadId, String name) {
        try {
            client.updateItem(b -> b.tableName(table).key(ticketKey(r, uploadId))
                    .updateExpression("SET claimedName = :n")
                    .conditionExpression(Conditions.ITEM_EXISTS + " AND (attribute_not_exists(claimedName) OR claimedName = :n)")
                    .expressionAttributeValues(Map.of(":n", Attributes.s(name))));
            return Claim.CLAIMED;
        } catch (ConditionalCheckFailedException refused) {
            return ticket(r, uploadId).isPresent() ? Claim.TAKEN : Claim.MISSING;
        }
    }

    private static Map<String, AttributeValue> ticketKey(ReportRef r, String uploadId) {
        return Conditions.key(Keys.supervisionPk(r.year(), r.taskId()), Keys.uploadSk(r.unitId(), r.reportKey(), uploadId));
    }

    // --- the report's file slots ---

    /**
     * One UpdateItem adds the ids under the condition that the set has room for those not yet recorded; the
     * recorded ids ride along, so a report whose files were recorded before slots existed starts from them. When
     * the condition fails, the ids may all be there already (a retry): a consistent read tells.
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
            client.updateItem(b -> b.tableName(table).key(slotsKey(r))
                    .updateExpression("SET #type = :type ADD fileIds :ids")
                    .conditionExpression("attribute_not_exists(fileIds) OR size(fileIds) <= :room")
                    .expressionAttributeNames(Map.of("#type", "type"))
                    .expressionAttributeValues(Map.of(":type", Attributes.s("SLOTS"),
                            ":ids", AttributeValue.fromSs(List.copyOf(all)),
                            ":room", Attributes.n(max - adding))));
            return true;
        } catch (ConditionalCheckFailedException full) {
            return Conditions.consistentGet(client, table, slotsKey(r))
                    .map(i -> Attributes.of(i).ss("fileIds").containsAll(fileIds)).orElse(false);
        }
    }

    @Override
    public void release(ReportRef r, Set<String> fileIds) {
        if (fileIds.isEmpty()) {
            return;
        }
        client.updateItem(b -> b.tableName(table).key(slotsKey(r))
                .updateExpression("DELETE fileIds :ids")
                .expressionAttributeValues(Map.of(":ids", AttributeValue.fromSs(List.copyOf(fileIds)))));
    }

    private static Map<String, AttributeValue> slotsKey(ReportRef r) {
        return Conditions.key(Keys.supervisionPk(r.year(), r.taskId()), Keys.slotsSk(r.unitId(), r.reportKey()));
    }

    // --- recorded files ---

    @Override
    public void recordFile(EvidenceFile f) {
        Map<String, AttributeValue> item = Attributes.item()
                .key(Keys.supervisionPk(f.planYear(), f.taskId()), Keys.fileSk(f.unitId(), f.reportKey(), f.fileId()))
                .s("type", "FILE")
                .s("unitId", f.unitId())
                .s("reportKey", f.reportKey())
                .s("fileId", f.fileId())
                .s("displayName", f.displayName())
                .s("fileType", f.type().name())
                .n("size", f.size())
                .s("storageKey", f.storageKey())
                .time("uploadedAt", f.uploadedAt())
                .build();
        try {
            client.putItem(Conditions.putIfAbsent(table, item));
        } catch (ConditionalCheckFailedException recordedBefore) {
            return; // a retry: the state was marked by the first write
        }
        markEvidence(f);
    }

    /**
     * The state lists the file names of its latest report (ledger, board): appended when the list is that report's,
     * started afresh when it was an older report's; nothing when the file's report is no longer the latest.
     */
    private void markEvidence(EvidenceFile f) {
        Map<String, AttributeValue> key = Conditions.key(Keys.planPk(f.planYear()), Keys.state(f.taskId(), f.unitId()));
        Map<String, String> names = Map.of("#latest", StateMapper.LATEST, "#k", "idempotencyKey");
        AttributeValue name = AttributeValue.fromL(List.of(Attributes.s(f.displayName())));
        try {
            client.updateItem(b -> b.tableName(table).key(key)
                    .updateExpression("SET evidenceNames = list_append(evidenceNames, :n)")
                    .conditionExpression("#latest.#k = :rk AND evidenceOf = :rk")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(Map.of(":n", name, ":rk", Attributes.s(f.reportKey()))));
        } catch (ConditionalCheckFailedException notThisReportsList) {
            try {
                client.updateItem(b -> b.tableName(table).key(key)
                        .updateExpression("SET evidenceOf = :rk, evidenceNames = :n")
                        .conditionExpression("#latest.#k = :rk AND (attribute_not_exists(evidenceOf) OR evidenceOf <> :rk)")
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(Map.of(":n", name, ":rk", Attributes.s(f.reportKey()))));
            } catch (ConditionalCheckFailedException notTheLatest) {
                // the unit has reported again: the file stays with its report in the history
            }
        }
    }

    @Override
    public List<EvidenceFile> files(ReportRef r) {
        QueryRequest query = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", Attributes.s(Keys.supervisionPk(r.year(), r.taskId())),
                        ":prefix", Attributes.s(Keys.filesOfReportPrefix(r.unitId(), r.reportKey())))).build();
        List<EvidenceFile> out = new ArrayList<>();
        client.queryPaginator(query).items().forEach(i -> out.add(file(r.year(), r.taskId(), i)));
        out.sort(Comparator.comparing(EvidenceFile::uploadedAt).thenComparing(EvidenceFile::fileId));
        return out;
    }

    static EvidenceFile file(int year, String taskId, Map<String, AttributeValue> raw) {
        var i = Attributes.of(raw);
        return new EvidenceFile(year, taskId, i.s("unitId"), i.s("reportKey"), i.s("fileId"), i.s("displayName"),
                i.enumValue("fileType", EvidenceType.class), i.longN("size"), i.s("storageKey"), i.time("uploadedAt"));
    }
}
