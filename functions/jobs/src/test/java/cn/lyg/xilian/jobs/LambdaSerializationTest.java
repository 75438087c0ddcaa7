package cn.lyg.xilian.jobs;

import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.dynamodb.Keys;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events and results through the path the Lambda Java runtime takes in AWS ({@link LambdaRuntime}): the one
 * {@link CustomPojoSerializer} found by ServiceLoader (micronaut-aws-lambda-events-serde's, a standalone
 * Micronaut Serialization mapper) reads the JSON event into the handler's declared input type and writes the
 * handler's result as its declared output type. The JSON below is what the event sources send (shapes from the
 * AWS documentation), not objects built in Java.
 */
@ExtendWith(DynaliteExtension.class)
class LambdaSerializationTest {

    private static final String ARN = "arn:aws-cn:dynamodb:cn-north-1:123456789012:table/xilian/stream/2026-11-25T00:00:00.000";
    /** A DynamoDB Streams record as Lambda delivers it (KEYS_ONLY view), per the AWS documentation's sample. */
    static String streamRecord(String eventName, String sequence, String pk, String sk) {
        return """
                {"eventID":"c4ca4238a0b923820dcc509a6f75849b-%s","eventName":"%s","eventVersion":"1.1",
                 "eventSource":"aws:dynamodb","awsRegion":"cn-north-1",
                 "dynamodb":{"ApproximateCreationDateTime":1764468000,
                             "Keys":{"pk":{"S":"%s"},"sk":{"S":"%s"}},
                             "SequenceNumber":"%s","SizeBytes":94,"StreamViewType":"KEYS_ONLY"},
                 "eventSourceARN":"%s"}""".formatted(sequence, eventName, pk, sk, sequence, ARN);
    }

    static String streamEvent(String... records) {
        return "{\"Records\":[" + String.join(",", records) + "]}";
    }

    @Test
    void theRuntimeFindsExactlyOneCustomPojoSerializerMicronautSerdes() {
        // More than one provider makes the runtime refuse to start (TooManyServiceProvidersFoundException).
        assertThat(LambdaRuntime.serializers()).singleElement().satisfies(s ->
                assertThat(s.getClass().getName()).isEqualTo("io.micronaut.aws.lambda.events.serde.SerdeCustomPojoSerializer"));
        assertThat(LambdaRuntime.handlerTypes(SubmissionEventHandler.class))
                .containsExactly(DynamodbEvent.class, StreamsEventResponse.class);
        assertThat(LambdaRuntime.handlerTypes(AlertScanHandler.class)).containsExactly(JobRequest.class, AlertScanResult.class);
        assertThat(LambdaRuntime.handlerTypes(WeeklySummaryHandler.class))
                .containsExactly(JobRequest.class, WeeklySummaryResult.class);
    }

    @Test
    void aKeysOnlyInsertFromTheStreamDeserializesIntoADynamodbEvent() {
        String pk = Keys.taskHistoryPk(2026, "t-1");
        String sk = Keys.submissionSk("ganyu", "k-1");
        String json = streamEvent(streamRecord("INSERT", "4421584500000000017450439091", pk, sk));

        DynamodbEvent event = (DynamodbEvent) LambdaRuntime.readInput(SubmissionEventHandler.class, json);

        assertThat(event.getRecords()).singleElement().satisfies(r -> {
            assertThat(r.getEventID()).isEqualTo("c4ca4238a0b923820dcc509a6f75849b-4421584500000000017450439091");
            assertThat(r.getEventName()).isEqualTo("INSERT");
            assertThat(r.getEventVersion()).isEqualTo("1.1");
            assertThat(r.getEventSource()).isEqualTo("aws:dynamodb");
            assertThat(r.getAwsRegion()).isEqualTo("cn-north-1");
            assertThat(r.getEventSourceARN()).isEqualTo(ARN);
            assertThat(r.getDynamodb().getKeys()).containsOnlyKeys("pk", "sk");
            assertThat(r.getDynamodb().getKeys().get("pk").getS()).isEqualTo(pk);
            assertThat(r.getDynamodb().getKeys().get("sk").getS()).isEqualTo(sk);
            assertThat(r.getDynamodb().getSequenceNumber()).isEqualTo("4421584500000000017450439091");
            assertThat(r.getDynamodb().getSizeBytes()).isEqualTo(94L);
            // Not bound by micronaut-aws-lambda-events-serde 4.11.0 (StreamRecord has two setStreamViewType
            // overloads); nothing here reads it. Tolerate a future version that binds it.
            assertThat(r.getDynamodb().getStreamViewType()).isIn(null, "KEYS_ONLY");
            // epoch seconds in the event (the handler does not use it)
            assertThat(r.getDynamodb().getApproximateCreationDateTime()).isEqualTo(Date.from(Instant.ofEpochSecond(1764468000)));
        });
    }

    @Test
    void aBlockedSubmissionArrivingAsStreamJsonMailsTheCoordinatorsAndAFailedRecordIsReportedAsLambdaExpects(Dynalite dynalite) {
        try (JobsTestApp app = JobsTestApp.start(dynalite, "serde-stream", null, Map.of());
             SubmissionEventHandler handler = new SubmissionEventHandler(app.context)) {
            Submission blocked = app.storeBlocked("k-serde-1");
            String pk = Keys.taskHistoryPk(2026, blocked.taskId());

            String ok = LambdaRuntime.invoke(handler, streamEvent(
                    streamRecord("INSERT", "100000000000000000001", pk, Keys.submissionSk(blocked.unitId(), "k-serde-1")),
                    streamRecord("MODIFY", "100000000000000000002", Keys.planPk(2026), Keys.state(blocked.taskId(), blocked.unitId()))));

            assertThat(succeeded(ok)).as(ok).isTrue();
            assertThat(app.emails()).singleElement().satisfies(eml -> {
                var mail = JobsTestApp.parse(eml);
                assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(JobsTestApp.COORDINATOR);
            });

            // A submission that cannot be read: this record, and only this one, goes back to Lambda for a retry.
            String failed = LambdaRuntime.invoke(handler, streamEvent(
                    streamRecord("INSERT", "100000000000000000003", pk, Keys.submissionSk(blocked.unitId(), "k-serde-1")),
                    streamRecord("INSERT", "100000000000000000004", pk, Keys.submissionSk(blocked.unitId(), "never-stored"))));

            assertThat(failed).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"100000000000000000004\"}]}");
            assertThat(app.emails()).hasSize(1); // the redelivered record did not mail twice
        }
    }

    @Test
    void theSchedulersInputAndAScheduledEventDeserializeIntoTheJobInput() {
        for (Class<?> handler : List.of(AlertScanHandler.class, WeeklySummaryHandler.class)) {
            // EventBridge Scheduler (ScheduleV2) sends the schedule's Input as is.
            JobRequest empty = (JobRequest) LambdaRuntime.readInput(handler, "{}");
            JobRequest dated = (JobRequest) LambdaRuntime.readInput(handler, "{\"asOf\": \"2026-12-20\"}");
            // A classic EventBridge rule sends a ScheduledEvent: unknown fields are ignored → today.
            JobRequest scheduled = (JobRequest) LambdaRuntime.readInput(handler, scheduledEventJson());

            assertThat(empty.asOfDate()).isNull();
            assertThat(dated.asOfDate()).isEqualTo(LocalDate.of(2026, 12, 20));
            assertThat(scheduled.asOfDate()).isNull();
        }
        // ScheduledEvent as a handler type would need aws-lambda-java-serialization for its joda DateTime
        // (excluded from the jar, see pom.xml): no handler declares it.
        assertThat(Stream.of(AlertScanHandler.class, WeeklySummaryHandler.class, SubmissionEventHandler.class)
                .flatMap(h -> Stream.of(LambdaRuntime.handlerTypes(h)))).doesNotContain(ScheduledEvent.class);
    }

    @Test
    void theScheduledHandlersRunFromJsonAndTheirResultsSerialize(Dynalite dynalite) throws Exception {
        try (JobsTestApp app = JobsTestApp.start(dynalite, "serde-jobs", null, Map.of());
             AlertScanHandler scan = new AlertScanHandler(app.context);
             WeeklySummaryHandler summary = new WeeklySummaryHandler(app.context)) {
            JsonMapper json = app.context.getBean(JsonMapper.class);

            JsonNode scanned = json.readValue(LambdaRuntime.invoke(scan, "{\"asOf\":\"2026-12-01\"}"), JsonNode.class);
            JsonNode weekly = json.readValue(LambdaRuntime.invoke(summary, "{\"asOf\":\"2026-11-30\"}"), JsonNode.class);
            JsonNode today = json.readValue(LambdaRuntime.invoke(scan, "{}"), JsonNode.class);

            assertThat(scanned.get("asOf").getStringValue()).isEqualTo("2026-12-01");
            assertThat(scanned.get("found").getIntValue()).isPositive();
            assertThat(scanned.get("delivered").size()).isPositive();
            assertThat(weekly.get("week").getStringValue()).isEqualTo("2026-W48");
            assertThat(weekly.get("sent").size()).isPositive();
            assertThat(today.get("asOf").getStringValue()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        }
    }

    @Test
    void aStreamsEventResponseSerializesAsLambdaReadsIt() {
        StreamsEventResponse none = new StreamsEventResponse(List.of());
        StreamsEventResponse two = new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure("1"),
                new StreamsEventResponse.BatchItemFailure("2")));

        assertThat(LambdaRuntime.writeOutput(SubmissionEventHandler.class, two))
                .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"1\"},{\"itemIdentifier\":\"2\"}]}");
        // Empty lists are omitted: {} (batchItemFailures null), which Lambda treats as "all processed".
        assertThat(LambdaRuntime.writeOutput(SubmissionEventHandler.class, none)).isEqualTo("{}");
        assertThat(succeeded("{}")).isTrue();
    }

    @Test
    void theHandlersContextJsonMapperReadsAndWritesTheSameEvents(Dynalite dynalite) throws Exception {
        try (JobsTestApp app = JobsTestApp.start(dynalite, "serde-context", null, Map.of())) {
            JsonMapper json = app.context.getBean(JsonMapper.class);
            DynamodbEvent event = json.readValue(streamEvent(streamRecord("INSERT", "7",
                    Keys.taskHistoryPk(2026, "t-1"), Keys.submissionSk("ganyu", "k-1"))), DynamodbEvent.class);
            JobRequest scheduled = json.readValue(scheduledEventJson(), JobRequest.class);

            assertThat(event.getRecords()).singleElement().satisfies(r ->
                    assertThat(r.getDynamodb().getKeys().get("sk").getS()).isEqualTo(Keys.submissionSk("ganyu", "k-1")));
            assertThat(scheduled.asOfDate()).isNull();
            assertThat(json.writeValueAsString(new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure("7")))))
                    .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"7\"}]}");
        }
    }

    /**
     * Lambda treats a stream batch as fully processed when the response is empty or null, or when
     * {@code batchItemFailures} is null or an empty list.
     */
    private static boolean succeeded(String response) {
        String r = response.strip();
        return r.isEmpty() || r.equals("null") || r.equals("{}") || r.equals("{\"batchItemFailures\":[]}")
                || r.equals("{\"batchItemFailures\":null}");
    }

    private static String scheduledEventJson() {
        return """
                {"version":"0","id":"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa","detail-type":"Scheduled Event",
                 "source":"aws.events","account":"123456789012","time":"2026-11-30T01:00:00Z","region":"cn-north-1",
                 "resources":["arn:aws-cn:events:cn-north-1:123456789012:rule/weekly"],"detail":{}}""";
    }
}
