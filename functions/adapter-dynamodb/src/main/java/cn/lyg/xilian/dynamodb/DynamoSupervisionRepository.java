package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.evidence.EvidenceFile;
import cn.lyg.xilian.core.evidence.EvidenceType;
import cn.lyg.xilian.core.supervision.ExtensionRepository;
import cn.lyg.xilian.core.supervision.InstructionRepository;
import cn.lyg.xilian.core.supervision.ReviewRepository;
import cn.lyg.xilian.core.supervision.SupervisionRecords;
import cn.lyg.xilian.core.supervision.Write;
import cn.lyg.xilian.core.supervision.Extension;
import cn.lyg.xilian.core.supervision.Instruction;
import cn.lyg.xilian.core.progress.Review;
import cn.lyg.xilian.core.progress.ReviewDecision;
import cn.lyg.xilian.core.supervision.TaskSupervision;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Supervision items in the task's supervision partition {@code PLAN#Y#SUP#<taskId>} (infra/dynamodb/TABLE.md):
 * {@code REVIEW#<unit>#<submissionKey>}, {@code REVIEWKEY#<key>} (a review request's key), {@code EXT#<unit>#<key>},
 * {@code PENDING#<unit>} (the pair's one pending request), {@code NOTE#<key>}, {@code READ#<unit>#<noteKey>}. No transactions: each step is a conditional write
 * that a retry repeats harmlessly, and the state item's overlay ({@code reviewOf…}, {@code extendedTo}) is written
 * last, so a crash in between heals on the client's retry.
 */
public final class DynamoSupervisionRepository extends DynamoStore
        implements ReviewRepository, ExtensionRepository, InstructionRepository, SupervisionRecords {

    public DynamoSupervisionRepository(DynamoDbClient client, DynamoDbSettings settings) {
        super(client, settings);
    }

    // --- reviews ---

    /** {@code REVIEWKEY#<key>}: the request, put once ({@code attribute_not_exists}); a taken key is read back. */
    @Override
    public Write<Review> claimReviewKey(Review review) {
        Map<String, AttributeValue> item = Attributes.item()
                .key(Keys.supervisionPk(review.planYear(), review.taskId()), Keys.reviewKeySk(review.idempotencyKey()))
                .s("type", "REVIEW_KEY")
                .s("unitId", review.unitId())
                .s("submissionKey", review.submissionKey())
                .s("decision", review.decision().name())
                .s("reason", review.reason())
                .s("idempotencyKey", review.idempotencyKey())
                .time("reviewedAt", review.reviewedAt())
                .build();
        return putOnce(item) ? new Write.Stored<>(review) : new Write.Taken<>(review(get(item)).orElseThrow());
    }

    @Override
    public Write<Review> review(Review review) {
        Review stored = review.reviewedAt().equals(Keys.parseTime(Keys.time(review.reviewedAt()))) ? review
                : new Review(review.planYear(), review.taskId(), review.unitId(), review.submissionKey(),
                        review.decision(), review.reason(), review.idempotencyKey(),
                        Keys.parseTime(Keys.time(review.reviewedAt())));
        Map<String, AttributeValue> item = Attributes.item()
                .key(Keys.supervisionPk(stored.planYear(), stored.taskId()),
                        Keys.reviewSk(stored.unitId(), stored.submissionKey()))
                .s("type", "REVIEW")
                .s("unitId", stored.unitId())
                .s("submissionKey", stored.submissionKey())
                .s("decision", stored.decision().name())
                .s("reason", stored.reason())
                .s("idempotencyKey", stored.idempotencyKey())
                .time("reviewedAt", stored.reviewedAt())
                .build();
        if (!putOnce(item)) {
            Review original = review(get(item)).orElseThrow();
            markState(original); // a retry after a crash before the state update completes it
            return new Write.Taken<>(original);
        }
        markState(stored);
        return new Write.Stored<>(stored);
    }

    /** The state shows the review only while the reviewed report is its latest. */
    private void markState(Review r) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":sub", s(r.submissionKey()));
        values.put(":decision", s(r.decision().name()));
        values.put(":key", s(r.idempotencyKey()));
        values.put(":at", s(Keys.time(r.reviewedAt())));
        if (r.reason() != null) {
            values.put(":reason", s(r.reason()));
        }
        String update = "SET reviewOf = :sub, reviewDecision = :decision, reviewKey = :key, reviewedAt = :at"
                + (r.reason() != null ? ", reviewReason = :reason" : " REMOVE reviewReason");
        try {
            client.updateItem(b -> b.tableName(table)
                    .key(Conditions.key(Keys.planPk(r.planYear()), Keys.state(r.taskId(), r.unitId())))
                    .updateExpression(update)
                    .conditionExpression("#latest.#k = :sub")
                    .expressionAttributeNames(Map.of("#latest", StateMapper.LATEST, "#k", "idempotencyKey"))
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException notTheLatest) {
            // The unit has reported again: the review stays in the history only.
        }
    }

    @Override
    public Optional<ReviewRecord> findReview(int year, String taskId, String unitId, String submissionKey) {
        Map<String, AttributeValue> item = get(key(year, taskId, Keys.reviewSk(unitId, submissionKey)));
        return review(item).map(r -> new ReviewRecord(r, Attributes.of(item).time("notifiedAt")));
    }

    @Override
    public void markNotified(Review review, String messageId, Instant at) {
        try {
            client.updateItem(b -> b.tableName(table)
                    .key(key(review.planYear(), review.taskId(), Keys.reviewSk(review.unitId(), review.submissionKey())))
                    .updateExpression("SET notifiedAt = :at, messageId = :id")
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(notifiedAt)")
                    .expressionAttributeValues(Map.of(":at", s(Keys.time(at)), ":id", s(messageId))));
        } catch (ConditionalCheckFailedException already) {
            // marked by an earlier delivery
        }
    }

    // --- extensions ---

    @Override
    public Write<Extension> requestExtension(Extension request) {
        Extension r = withStoredTimes(request);
        Optional<Extension> same = extension(r.planYear(), r.taskId(), r.unitId(), r.key());
        if (same.isPresent()) {
            return new Write.Taken<>(same.get());
        }
        // Claim the pair's pending slot: free, ours (a retry) or stale (its request was never written).
        Map<String, AttributeValue> slot = Attributes.item()
                .key(Keys.supervisionPk(r.planYear(), r.taskId()), Keys.pendingExtensionSk(r.unitId()))
                .s("requestKey", r.key())
                .build();
        try {
            client.putItem(b -> b.tableName(table).item(slot)
                    .conditionExpression(Conditions.ITEM_ABSENT + " OR requestKey = :key")
                    .expressionAttributeValues(Map.of(":key", s(r.key()))));
        } catch (ConditionalCheckFailedException taken) {
            String other = get(slot).get("requestKey").s();
            Optional<Extension> holder = extension(r.planYear(), r.taskId(), r.unitId(), other);
            if (holder.isPresent() && holder.get().pending()) {
                return new Write.Taken<>(holder.get());
            }
            try { // the holder was decided (slot not yet released) or never written: take the slot over
                client.putItem(b -> b.tableName(table).item(slot).conditionExpression("requestKey = :old")
                        .expressionAttributeValues(Map.of(":old", s(other))));
            } catch (ConditionalCheckFailedException raced) {
                return requestExtension(request);
            }
        }
        Map<String, AttributeValue> item = extensionItem(r);
        if (!putOnce(item)) {
            return new Write.Taken<>(extension(get(item)).orElseThrow());
        }
        return new Write.Stored<>(r);
    }

    @Override
    public Write<Extension> decideExtension(Extension decided) {
        Extension d = withStoredTimes(decided);
        Map<String, AttributeValue> k = key(d.planYear(), d.taskId(), Keys.extensionSk(d.unitId(), d.key()));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":decision", s(d.decision().name()));
        values.put(":at", s(Keys.time(d.decidedAt())));
        String set = "SET decision = :decision, decidedAt = :at";
        if (d.grantedDate() != null) {
            values.put(":granted", s(d.grantedDate().toString()));
            set += ", grantedDate = :granted";
        }
        if (d.note() != null) {
            values.put(":note", s(d.note()));
            set += ", note = :note";
        }
        String expression = set;
        Write<Extension> result;
        try {
            client.updateItem(b -> b.tableName(table).key(k).updateExpression(expression)
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(decision)")
                    .expressionAttributeValues(values));
            result = new Write.Stored<>(d);
        } catch (ConditionalCheckFailedException decidedBefore) {
            result = new Write.Taken<>(extension(get(k)).orElseThrow());
        }
        // Also after a taken decision: a retry after a crash completes the stored decision's follow-ups.
        if (result.value().approved()) {
            applyDeadline(result.value());
        }
        releaseSlot(result.value());
        return result;
    }

    /** The most recently decided approval is the pair's deadline; an older one arriving late changes nothing. */
    private void applyDeadline(Extension e) {
        try {
            client.updateItem(b -> b.tableName(table)
                    .key(Conditions.key(Keys.planPk(e.planYear()), Keys.state(e.taskId(), e.unitId())))
                    .updateExpression("SET extendedTo = :to, extendedAt = :at")
                    .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(extendedAt) OR extendedAt <= :at)")
                    .expressionAttributeValues(Map.of(":to", s(e.grantedDate().toString()),
                            ":at", s(Keys.time(e.decidedAt())))));
        } catch (ConditionalCheckFailedException newerApproval) {
            // a later approval already set the date
        }
    }

    private void releaseSlot(Extension e) {
        try {
            client.deleteItem(b -> b.tableName(table)
                    .key(key(e.planYear(), e.taskId(), Keys.pendingExtensionSk(e.unitId())))
                    .conditionExpression("requestKey = :key")
                    .expressionAttributeValues(Map.of(":key", s(e.key()))));
        } catch (ConditionalCheckFailedException alreadyReleased) {
            // released by an earlier attempt, or taken by a newer request
        }
    }

    @Override
    public Optional<Extension> extension(int year, String taskId, String unitId, String key) {
        return extension(get(key(year, taskId, Keys.extensionSk(unitId, key))));
    }

    /** The request part; the decision is added by {@link #decideExtension}. */
    private static Map<String, AttributeValue> extensionItem(Extension e) {
        return Attributes.item()
                .key(Keys.supervisionPk(e.planYear(), e.taskId()), Keys.extensionSk(e.unitId(), e.key()))
                .s("type", "EXTENSION")
                .s("unitId", e.unitId())
                .s("requestKey", e.key())
                .s("planDeadline", e.planDeadline().toString())
                .s("requestedDate", e.requestedDate().toString())
                .s("reason", e.reason())
                .time("requestedAt", e.requestedAt())
                .build();
    }

    // --- instructions ---

    @Override
    public Write<Instruction> instruct(Instruction instruction) {
        Instruction i = new Instruction(instruction.planYear(), instruction.taskId(), instruction.unitId(),
                instruction.key(), instruction.text(), Keys.parseTime(Keys.time(instruction.issuedAt())));
        Map<String, AttributeValue> item = Attributes.item()
                .key(Keys.supervisionPk(i.planYear(), i.taskId()), Keys.instructionSk(i.key()))
                .s("type", "INSTRUCTION")
                .s("unitId", i.unitId())
                .s("instructionKey", i.key())
                .s("text", i.text())
                .time("issuedAt", i.issuedAt())
                .build();
        if (!putOnce(item)) {
            return new Write.Taken<>(instruction(i.planYear(), i.taskId(), get(item)));
        }
        return new Write.Stored<>(i);
    }

    @Override
    public void markRead(int year, String taskId, String unitId, Collection<String> instructionKeys, Instant at) {
        for (String k : instructionKeys) {
            putOnce(Attributes.item()
                    .key(Keys.supervisionPk(year, taskId), Keys.readSk(unitId, k))
                    .s("unitId", unitId)
                    .s("instructionKey", k)
                    .time("readAt", at)
                    .build()); // the first open counts
        }
    }

    // --- the task's record ---

    @Override
    public TaskSupervision ofTask(int year, String taskId) {
        Map<String, Review> reviews = new HashMap<>();
        List<Extension> extensions = new ArrayList<>();
        List<Instruction> instructions = new ArrayList<>();
        Set<String> read = new HashSet<>();
        List<EvidenceFile> files = new ArrayList<>();
        QueryRequest query = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(Keys.supervisionPk(year, taskId)))).build();
        client.queryPaginator(query).items().forEach(item -> {
            String sk = item.get("sk").s();
            if (sk.startsWith(Keys.REVIEW_PREFIX)) {
                review(item).ifPresent(r -> reviews.put(r.unitId() + "#" + r.submissionKey(), r));
            } else if (sk.startsWith(Keys.EXTENSION_PREFIX)) {
                extension(item).ifPresent(extensions::add);
            } else if (sk.startsWith(Keys.INSTRUCTION_PREFIX)) {
                instructions.add(instruction(year, taskId, item));
            } else if (sk.startsWith(Keys.FILE_PREFIX)) {
                files.add(DynamoEvidenceRepository.file(year, taskId, item));
            } else if (sk.startsWith(Keys.READ_PREFIX)) {
                var mark = Attributes.of(item);
                read.add(mark.s("unitId") + "#" + mark.s("instructionKey"));
            }
        });
        return new TaskSupervision(taskId, reviews, extensions, instructions, read, files);
    }

    // --- mapping ---

    private static Optional<Review> review(Map<String, AttributeValue> raw) {
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        var i = Attributes.of(raw);
        String[] pk = i.s(TableDefinition.PK).split(Keys.SEPARATOR);
        return Optional.of(new Review(Integer.parseInt(pk[1]), pk[3], i.s("unitId"), i.s("submissionKey"),
                i.enumValue("decision", ReviewDecision.class), i.s("reason"), i.s("idempotencyKey"),
                i.time("reviewedAt")));
    }

    private static Optional<Extension> extension(Map<String, AttributeValue> raw) {
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        var i = Attributes.of(raw);
        String[] pk = i.s(TableDefinition.PK).split(Keys.SEPARATOR);
        String granted = i.s("grantedDate");
        return Optional.of(new Extension(Integer.parseInt(pk[1]), pk[3], i.s("unitId"), i.s("requestKey"),
                LocalDate.parse(i.s("planDeadline")), LocalDate.parse(i.s("requestedDate")), i.s("reason"),
                i.time("requestedAt"), i.enumValue("decision", Extension.Decision.class),
                granted == null ? null : LocalDate.parse(granted), i.s("note"), i.time("decidedAt")));
    }

    private static Instruction instruction(int year, String taskId, Map<String, AttributeValue> raw) {
        var i = Attributes.of(raw);
        return new Instruction(year, taskId, i.s("unitId"), i.s("instructionKey"), i.s("text"), i.time("issuedAt"));
    }

    private static Extension withStoredTimes(Extension e) {
        return new Extension(e.planYear(), e.taskId(), e.unitId(), e.key(), e.planDeadline(), e.requestedDate(),
                e.reason(), Keys.parseTime(Keys.time(e.requestedAt())), e.decision(), e.grantedDate(), e.note(),
                e.decidedAt() == null ? null : Keys.parseTime(Keys.time(e.decidedAt())));
    }

    private boolean putOnce(Map<String, AttributeValue> item) {
        try {
            client.putItem(b -> b.tableName(table).item(item).conditionExpression(Conditions.ITEM_ABSENT));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    private Map<String, AttributeValue> get(Map<String, AttributeValue> itemOrKey) {
        Map<String, AttributeValue> k = Map.of(TableDefinition.PK, itemOrKey.get(TableDefinition.PK),
                TableDefinition.SK, itemOrKey.get(TableDefinition.SK));
        return Conditions.consistentGet(client, table, k).orElse(Map.of());
    }

    private static Map<String, AttributeValue> key(int year, String taskId, String sk) {
        return Conditions.key(Keys.supervisionPk(year, taskId), sk);
    }

    private static AttributeValue s(String v) {
        return Attributes.s(v);
    }
}
