package cn.lyg.xilian.runtime;

import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.report.ReportWeek;
import cn.lyg.xilian.dynamodb.Keys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three job functions in the real Lambda Java runtime (emulator + runtime interface client), each configured
 * from template.yaml (its Handler string, environment, memory, timeout), with the events AWS sends them:
 * the schedules' {@code Input} exactly as template.yaml gives it to EventBridge Scheduler (ScheduleV2 sends the
 * Input as the event), and a DynamoDB Streams batch of the template's stream view (KEYS_ONLY) as Lambda delivers it.
 */
class JobFunctionsRuntimeTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RuntimeFixture fixture;

    @BeforeAll
    static void stage() {
        fixture = new RuntimeFixture("runtime-jobs");
    }

    @AfterAll
    static void close() {
        fixture.stage.close();
    }

    @Test
    void theDailyAlertScanRunsFromTheSchedulersInput() throws Exception {
        Map<String, String> inputs = scheduleInputs("AlertScanFunction");
        assertThat(inputs).as("AlertScanFunction's ScheduleV2 events").isNotEmpty();
        try (LambdaEmulator scan = fixture.start(fixture.function("AlertScanFunction"), "AlertScanFunction")) {
            for (String input : inputs.values()) {
                Invocation result = scan.invoke(input);

                assertThat(result.functionError()).as(result.response()).isFalse();
                JsonNode json = JSON.readTree(result.response());
                assertThat(json.path("asOf").asText()).isEqualTo(LocalDate.now(SHANGHAI).toString());
                assertThat(json.has("found")).as(result.response()).isTrue();
            }
        }
    }

    @Test
    void theMondaySummaryRunsFromTheSchedulersInputForTheWeekBefore() throws Exception {
        Map<String, String> inputs = scheduleInputs("WeeklySummaryFunction");
        assertThat(inputs).as("WeeklySummaryFunction's ScheduleV2 events").isNotEmpty();
        try (LambdaEmulator summary = fixture.start(fixture.function("WeeklySummaryFunction"), "WeeklySummaryFunction")) {
            for (String input : inputs.values()) {
                Invocation result = summary.invoke(input);

                assertThat(result.functionError()).as(result.response()).isFalse();
                assertThat(JSON.readTree(result.response()).path("week").asText())
                        .isEqualTo(ReportWeek.previousOf(LocalDate.now(SHANGHAI)).id());
            }
        }
    }

    @Test
    void aKeysOnlyStreamBatchAlertsTheCoordinatorsOnceAndAnUnreadableRecordGoesBackToLambda() throws Exception {
        Object view = SamTemplate.map(fixture.samStageTable(), "StreamSpecification").get("StreamViewType");
        assertThat(view).as("the records below carry keys only").isEqualTo("KEYS_ONLY");
        assertThat(fixture.emails("SubmissionEventFunction")).isEmpty();
        Submission blocked = storeBlockedSubmission("runtime-stream-1");
        String pk = Keys.taskHistoryPk(2026, blocked.taskId());
        String sk = Keys.submissionSk(blocked.unitId(), blocked.idempotencyKey());

        try (LambdaEmulator events = fixture.start(fixture.function("SubmissionEventFunction"), "SubmissionEventFunction")) {
            Invocation first = events.invoke(StreamEvents.batch(StreamEvents.keysOnlyInsert("49600000000000000000000000001", pk, sk)));

            assertThat(first.functionError()).as(first.response()).isFalse();
            assertThat(first.response()).isEqualTo("{}"); // Lambda: the whole batch is processed
            assertThat(first.initDurationMs()).as("Init Duration of the cold start").isPositive();
            assertThat(first.durationMs()).isPositive();
            assertThat(fixture.emails("SubmissionEventFunction")).singleElement().satisfies(eml ->
                    assertThat(Files.readString(eml)).contains("To: coordinator@example.cn"));

            // Redelivered with a record whose submission does not exist: only that one is reported for retry.
            Invocation second = events.invoke(StreamEvents.batch(
                    StreamEvents.keysOnlyInsert("49600000000000000000000000001", pk, sk),
                    StreamEvents.keysOnlyInsert("49600000000000000000000000002", pk,
                            Keys.submissionSk(blocked.unitId(), "never-stored"))));

            assertThat(second.initDurationMs()).as("warm: no init").isNull();
            assertThat(JSON.readTree(second.response())).isEqualTo(JSON.readTree(
                    "{\"batchItemFailures\":[{\"itemIdentifier\":\"49600000000000000000000000002\"}]}"));
            assertThat(fixture.emails("SubmissionEventFunction")).as("no second alert for the redelivered record").hasSize(1);
        }
    }

    /** The Input of each ScheduleV2 event of the function; without one the Scheduler would send its own notification. */
    private static Map<String, String> scheduleInputs(String functionId) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        RuntimeFixture.TEMPLATE.events(functionId, "ScheduleV2").forEach((name, properties) -> {
            assertThat(properties.get("Input")).as(functionId + "." + name + " sets the Input it sends").isNotNull();
            out.put(name, String.valueOf(properties.get("Input")));
        });
        return out;
    }

    private static Submission storeBlockedSubmission(String key) {
        var plan = fixture.stage.load(RuntimeFixture.TOOLS.root().resolve("infra/plans/plan-2026.json"));
        PlanTask task = plan.tasks().getFirst();
        return fixture.stage.report(plan, task.id(), task.unitIds().getFirst(), key, Map.of("status", "BLOCKED",
                "percent", "20", "progress", "已对接", "problems", "资金未到位", "nextSteps", "协调资金", "reporter", "张三"));
    }
}
