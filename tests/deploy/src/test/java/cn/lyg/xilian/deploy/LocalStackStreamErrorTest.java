package cn.lyg.xilian.deploy;

import cn.lyg.xilian.runtime.FunctionSpec;
import cn.lyg.xilian.runtime.Invocation;
import cn.lyg.xilian.runtime.LambdaEmulator;
import cn.lyg.xilian.testkit.FaultProxy;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SubmissionEventFunction itself failing (a function error, not a reported record): reading one submission
 * back stalls (a {@link FaultProxy} holds the GetItem), so every batch holding it runs into the function's
 * timeout. The poller bisects the batch as {@code BisectBatchOnFunctionError} says, the other records are alerted
 * once, and the stalled record goes to the StreamFailureQueue after {@code MaximumRetryAttempts}.
 */
class LocalStackStreamErrorTest {

    static LocalStackTier tier;
    static FaultProxy dynamo;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(LocalStackConfig.endpoint().isPresent(), LocalStackConfig.SKIP_REASON);
        URI endpoint = LocalStackConfig.endpoint().get();
        dynamo = FaultProxy.to(endpoint);
        tier = new LocalStackTier(endpoint, "xilian-stream-error-" + System.currentTimeMillis(), dynamo.endpoint(), endpoint,
                List.of("ApiFunction", "SubmissionEventFunction"),
                spec -> spec.logicalId().equals("SubmissionEventFunction") ? stalledUntilTimeout(spec) : spec);
    }

    /**
     * 12 s instead of the template's 60 s, to keep the test short; the emulator counts the init (4–5 s on a loaded
     * 2-core machine) into the first invocation's timeout, which Lambda does not, so less than that fails even the
     * records that do not stall. The DynamoDB client waits longer than the function here, so that the stalled read
     * ends in the function's timeout rather than in the client's (which the handler would report per record).
     */
    static FunctionSpec stalledUntilTimeout(FunctionSpec spec) {
        return spec.withTimeout(12).withEnvironment(Map.of(
                "XILIAN_DYNAMODB_API_CALL_TIMEOUT", "60s", "XILIAN_DYNAMODB_API_CALL_ATTEMPT_TIMEOUT", "60s"));
    }

    @AfterAll
    static void stop() {
        if (dynamo != null) {
            dynamo.close();
        }
        if (tier != null) {
            tier.close();
        }
    }

    @Test
    void aBatchThatTimesOutIsBisectedAndTheStuckRecordParked() throws Exception {
        LocalStackTier.BlockedReports reports = tier.reportBlockedOnTasks("park-huiyu", 3, "stream-error", "函数超时测试");
        List<String> taskIds = reports.taskIds();
        List<String> keys = reports.keys();
        String stuckTask = taskIds.get(1);
        dynamo.stallWhere("GetItem", keys.get(1), FaultProxy.Fault.STALL_BEFORE_FORWARDING, 10_000);

        LambdaEmulator function = tier.functions.get("SubmissionEventFunction");
        List<Boolean> errors = new ArrayList<>();
        StreamPoller poller = tier.newPoller(event -> {
            Invocation result = function.invoke(event);
            errors.add(result.functionError());
            return result;
        });
        LocalStackTier.awaitStream(poller, 2, Duration.ofSeconds(300));
        dynamo.release();

        List<SesMailbox.Mail> mails = tier.mailbox.messages();
        List<String> alerted = LocalStackTier.alertedTasks(mails, taskIds, "coordinator-a@xilian.example.cn");
        List<Message> parked;
        try (SqsClient sqs = SqsClient.builder().endpointOverride(tier.endpoint).region(LocalStackStack.REGION)
                .credentialsProvider(LocalStackStack.CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            String queue = tier.stack.physicalIds.get("StreamFailureQueue");
            parked = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
        }
        System.out.printf("[fault: stream function times out] submissions 3 (stuck: task %s); %s; function errors per "
                        + "invocation %s; emails sent %d, alerts per task %s; records parked in the failure queue %d%n",
                stuckTask, poller.figures(), errors, mails.size(), alerted, parked.size());

        assertThat(poller.functionErrors).isGreaterThan(0);
        assertThat(poller.bisections).as("the failing batch was split").isGreaterThan(0);
        assertThat(poller.batchesToOnFailure).isEqualTo(1);
        assertThat(parked).hasSize(1);
        JsonNode info = LocalStackTier.JSON.readTree(parked.get(0).body()).path("DDBStreamBatchInfo");
        assertThat(info.path("batchSize").asInt()).isEqualTo(1);
        assertThat(alerted).as("the other two alerted exactly once, the stuck one not")
                .containsExactlyInAnyOrderElementsOf(taskIds.stream().filter(t -> !t.equals(stuckTask)).toList());
        Set<String> ids = new HashSet<>();
        mails.forEach(mail -> assertThat(ids.add(mail.messageId())).as("Message-ID %s once", mail.messageId()).isTrue());
    }
}
