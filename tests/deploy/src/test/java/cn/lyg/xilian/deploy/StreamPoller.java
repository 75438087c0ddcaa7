package cn.lyg.xilian.deploy;

import cn.lyg.xilian.runtime.Invocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What Lambda's event source mapping does for the SubmissionEventFunction, with the settings read from
 * template.yaml (the {@code Submissions} DynamoDB event): reads the table's stream from TRIM_HORIZON shard by
 * shard, drops records the FilterCriteria do not match, invokes the function with batches of at most
 * BatchSize records shaped as Lambda shapes them, and then:
 * <ul>
 * <li>{@code batchItemFailures} (ReportBatchItemFailures): checkpoints before the lowest reported sequence
 *     number and retries the batch from there (an unknown or empty identifier fails the whole batch);</li>
 * <li>a function error: with BisectBatchOnFunctionError splits the batch in two and retries each half
 *     (splitting does not count as a retry); a single record is retried;</li>
 * <li>after MaximumRetryAttempts retries the batch goes to the OnFailure destination (an SQS queue) as an
 *     invocation record and the poller moves on.</li>
 * </ul>
 */
final class StreamPoller {

    record Settings(int batchSize, boolean bisectOnError, int maximumRetryAttempts, boolean reportBatchItemFailures,
                    List<EventPattern> filters, String startingPosition, String onFailureLogicalId) {

        /** The event of type DynamoDB on {@code functionLogicalId} in template.yaml. */
        static Settings fromTemplate(String functionLogicalId) throws java.io.IOException {
            Map<String, Object> function = Template.get().resource(functionLogicalId);
            Map<String, Object> events = Template.map(Template.map(function, "Properties"), "Events");
            for (Object e : events.values()) {
                if ("DynamoDB".equals(((Map<?, ?>) e).get("Type"))) {
                    Map<String, Object> p = Template.map(e, "Properties");
                    List<EventPattern> filters = new ArrayList<>();
                    for (Object f : Template.list(Template.map(p, "FilterCriteria"), "Filters")) {
                        filters.add(new EventPattern(String.valueOf(((Map<?, ?>) f).get("Pattern"))));
                    }
                    Object destination = Template.map(Template.map(Template.map(p, "DestinationConfig"), "OnFailure"),
                            "Destination").get("Fn::GetAtt");
                    return new Settings(((Number) p.getOrDefault("BatchSize", 100)).intValue(),
                            Boolean.TRUE.equals(p.get("BisectBatchOnFunctionError")),
                            ((Number) p.getOrDefault("MaximumRetryAttempts", -1)).intValue(),
                            Template.list(p, "FunctionResponseTypes").contains("ReportBatchItemFailures"),
                            filters, String.valueOf(p.get("StartingPosition")),
                            destination == null ? null : String.valueOf(((List<?>) destination).get(0)));
                }
            }
            throw new IllegalStateException(functionLogicalId + " has no DynamoDB event in template.yaml");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final String region;
    private final Settings settings;
    private final Function<String, Invocation> function;
    private final SqsClient sqs;
    private final String onFailureQueueUrl;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final Set<String> closedShards = new HashSet<>();

    // figures
    int invocations;
    int recordsRead;
    int recordsFilteredOut;
    int recordsDelivered;
    int partialFailures;
    int functionErrors;
    int bisections;
    int batchesToOnFailure;

    StreamPoller(DynamoDbStreamsClient streams, String streamArn, String region, Settings settings,
                 Function<String, Invocation> function, SqsClient sqs, String onFailureQueueUrl) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.region = region;
        this.settings = settings;
        this.function = function;
        this.sqs = sqs;
        this.onFailureQueueUrl = onFailureQueueUrl;
        if (!"TRIM_HORIZON".equals(settings.startingPosition()) && !"LATEST".equals(settings.startingPosition())) {
            throw new IllegalArgumentException("StartingPosition " + settings.startingPosition());
        }
    }

    /** Reads every shard to its current end and delivers what it read; returns the records delivered. */
    int drain() {
        int before = recordsDelivered;
        for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
            if (closedShards.contains(shard.shardId())) {
                continue;
            }
            String iterator = iterators.computeIfAbsent(shard.shardId(), id -> streams.getShardIterator(b -> b
                    .streamArn(streamArn).shardId(id)
                    .shardIteratorType(ShardIteratorType.fromValue(settings.startingPosition()))).shardIterator());
            while (iterator != null) {
                GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(iterators.get(shard.shardId())));
                List<ObjectNode> matching = new ArrayList<>();
                for (Record r : page.records()) {
                    recordsRead++;
                    ObjectNode event = lambdaRecord(r);
                    if (settings.filters().isEmpty() || settings.filters().stream().anyMatch(f -> f.matches(event))) {
                        matching.add(event);
                    } else {
                        recordsFilteredOut++;
                    }
                }
                for (int i = 0; i < matching.size(); i += settings.batchSize()) {
                    deliver(matching.subList(i, Math.min(matching.size(), i + settings.batchSize())), 0);
                }
                iterator = page.nextShardIterator();
                if (iterator == null) {
                    closedShards.add(shard.shardId());
                    iterators.remove(shard.shardId());
                } else {
                    iterators.put(shard.shardId(), iterator);
                }
                if (page.records().isEmpty()) {
                    break; // at the current end of the shard
                }
            }
        }
        return recordsDelivered - before;
    }

    /** Delivers one batch until it is processed, split, or exhausted its retries. */
    private void deliver(List<ObjectNode> batch, int retries) {
        List<ObjectNode> pending = batch;
        int attempt = retries;
        while (!pending.isEmpty()) {
            invocations++;
            Invocation result = function.apply(eventJson(pending));
            if (!result.functionError()) {
                List<String> failed = reportedFailures(result.response(), pending);
                if (failed.isEmpty()) {
                    recordsDelivered += pending.size();
                    return;
                }
                partialFailures++;
                int from = firstIndexOf(pending, failed);
                recordsDelivered += Math.max(0, from);
                pending = pending.subList(Math.max(0, from), pending.size());
            } else {
                functionErrors++;
                if (settings.bisectOnError() && pending.size() > 1) {
                    bisections++;
                    int half = pending.size() / 2;
                    deliver(pending.subList(0, half), attempt);
                    deliver(pending.subList(half, pending.size()), attempt);
                    return;
                }
            }
            attempt++;
            if (settings.maximumRetryAttempts() >= 0 && attempt > settings.maximumRetryAttempts()) {
                toOnFailureDestination(pending, attempt);
                return;
            }
        }
    }

    /** Sequence numbers reported failed; the whole batch when an identifier is empty or not in the batch. */
    private List<String> reportedFailures(String payload, List<ObjectNode> batch) {
        if (!settings.reportBatchItemFailures() || payload == null || payload.isBlank()) {
            return List.of();
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(payload);
        } catch (Exception e) {
            return List.of(); // Lambda treats an unreadable response as success
        }
        JsonNode failures = answer == null ? null : answer.get("batchItemFailures");
        if (failures == null || !failures.isArray() || failures.isEmpty()) {
            return List.of();
        }
        Set<String> inBatch = new HashSet<>();
        batch.forEach(r -> inBatch.add(r.get("dynamodb").get("SequenceNumber").asText()));
        List<String> ids = new ArrayList<>();
        for (JsonNode f : failures) {
            JsonNode id = f.get("itemIdentifier");
            if (id == null || id.asText().isBlank() || !inBatch.contains(id.asText())) {
                return List.of(batch.get(0).get("dynamodb").get("SequenceNumber").asText());
            }
            ids.add(id.asText());
        }
        return ids;
    }

    private static int firstIndexOf(List<ObjectNode> batch, List<String> sequenceNumbers) {
        for (int i = 0; i < batch.size(); i++) {
            if (sequenceNumbers.contains(batch.get(i).get("dynamodb").get("SequenceNumber").asText())) {
                return i;
            }
        }
        return 0;
    }

    private void toOnFailureDestination(List<ObjectNode> batch, int attempts) {
        batchesToOnFailure++;
        ObjectNode record = JSON.createObjectNode();
        ObjectNode context = record.putObject("requestContext");
        context.put("requestId", java.util.UUID.randomUUID().toString());
        context.put("functionArn", "SubmissionEventFunction");
        context.put("condition", "RetryAttemptsExhausted");
        context.put("approximateInvokeCount", attempts + 1);
        ObjectNode info = record.putObject("DDBStreamBatchInfo");
        info.put("startSequenceNumber", batch.get(0).get("dynamodb").get("SequenceNumber").asText());
        info.put("endSequenceNumber", batch.get(batch.size() - 1).get("dynamodb").get("SequenceNumber").asText());
        info.put("batchSize", batch.size());
        info.put("streamArn", streamArn);
        record.put("timestamp", Instant.now().toString());
        record.put("version", "1.0");
        if (sqs != null && onFailureQueueUrl != null) {
            sqs.sendMessage(b -> b.queueUrl(onFailureQueueUrl).messageBody(record.toString()));
        }
    }

    private String eventJson(List<ObjectNode> records) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode list = event.putArray("Records");
        records.forEach(list::add);
        return event.toString();
    }

    /** A stream record as Lambda puts it into the event (field names and types as AWS documents them). */
    private ObjectNode lambdaRecord(Record r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("eventID", r.eventID());
        o.put("eventName", r.eventNameAsString());
        o.put("eventVersion", r.eventVersion() == null ? "1.1" : r.eventVersion());
        o.put("eventSource", "aws:dynamodb");
        o.put("awsRegion", region);
        ObjectNode d = o.putObject("dynamodb");
        if (r.dynamodb().approximateCreationDateTime() != null) {
            d.put("ApproximateCreationDateTime", r.dynamodb().approximateCreationDateTime().getEpochSecond());
        }
        ObjectNode keys = d.putObject("Keys");
        r.dynamodb().keys().forEach((k, v) -> keys.set(k, attribute(v)));
        d.put("SequenceNumber", r.dynamodb().sequenceNumber());
        d.put("SizeBytes", r.dynamodb().sizeBytes());
        d.put("StreamViewType", r.dynamodb().streamViewTypeAsString());
        o.put("eventSourceARN", streamArn);
        return o;
    }

    private static JsonNode attribute(AttributeValue v) {
        ObjectNode a = JSON.createObjectNode();
        if (v.s() != null) {
            a.put("S", v.s());
        } else if (v.n() != null) {
            a.put("N", v.n());
        } else if (v.b() != null) {
            a.put("B", Base64.getEncoder().encodeToString(v.b().asByteArray()));
        } else {
            throw new IllegalArgumentException("key attribute type not handled: " + v);
        }
        return a;
    }

    String figures() {
        return "stream records read " + recordsRead + ", filtered out " + recordsFilteredOut + ", delivered "
                + recordsDelivered + ", invocations " + invocations + ", partial failures " + partialFailures
                + ", function errors " + functionErrors + ", bisections " + bisections + ", to the failure queue "
                + batchesToOnFailure;
    }
}
