package cn.lyg.xilian.deploy;

import cn.lyg.xilian.runtime.Invocation;
import cn.lyg.xilian.runtime.LambdaEmulator;
import cn.lyg.xilian.testkit.FaultProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SubmissionEventFunction failing in the middle of a batch (issue 10): three 受阻 reports reach the
 * function in one batch; reading the second one back fails (DynamoDB answers 500 for it, through a
 * {@link FaultProxy} in front of LocalStack), the function reports it in {@code batchItemFailures}, and the
 * poller retries from there as Lambda does. The records after it are evaluated twice; no email is sent twice.
 */
class LocalStackStreamFaultTest {

    static LocalStackTier tier;
    static FaultProxy dynamo;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(LocalStackConfig.endpoint().isPresent(), LocalStackConfig.SKIP_REASON);
        URI endpoint = LocalStackConfig.endpoint().get();
        dynamo = FaultProxy.to(endpoint);
        tier = new LocalStackTier(endpoint, "xilian-stream-fault-" + System.currentTimeMillis(), dynamo.endpoint(), endpoint,
                List.of("ApiFunction", "SubmissionEventFunction"));
    }

    @AfterAll
    static void stop() {
        if (tier != null) {
            tier.close();
        }
        if (dynamo != null) {
            dynamo.close();
        }
    }

    @Test
    void aRecordFailingMidBatchIsRetriedWithoutDuplicateEmail() throws Exception {
        LocalStackTier.BlockedReports reports = tier.reportBlockedOnTasks("park-huiyu", 3, "stream-fault", "批次故障测试");
        List<String> taskIds = reports.taskIds();
        List<String> keys = reports.keys();

        // reading the second submission back fails until the first invocation is over
        dynamo.failDynamoDb("GetItem", keys.get(1), 10_000);
        AtomicInteger invocations = new AtomicInteger();
        LambdaEmulator function = tier.functions.get("SubmissionEventFunction");
        StreamPoller poller = tier.newPoller(event -> {
            Invocation result = function.invoke(event);
            if (invocations.incrementAndGet() == 1) {
                dynamo.release();
            }
            return result;
        });
        LocalStackTier.awaitStream(poller, 3, Duration.ofSeconds(60));
        int failedReads = dynamo.faulted("GetItem");
        Thread.sleep(500);
        poller.drain();
        List<SesMailbox.Mail> mails = tier.mailbox.messages();
        List<String> alerted = LocalStackTier.alertedTasks(mails, taskIds, "coordinator-a@xilian.example.cn");
        System.out.printf("[fault: stream function fails mid-batch] submissions 3 (tasks %s); DynamoDB reads failed %d; "
                        + "%s; emails sent %d, alerts per task %s%n",
                taskIds, failedReads, poller.figures(), mails.size(), alerted);

        assertThat(failedReads).isGreaterThan(0);
        assertThat(poller.partialFailures).as("the function reported the failed record").isEqualTo(1);
        assertThat(poller.invocations).as("one batch, one retry from the failed record").isEqualTo(2);
        assertThat(poller.recordsDelivered).isEqualTo(3);
        assertThat(poller.batchesToOnFailure).isZero();
        assertThat(alerted).as("each task alerted exactly once").containsExactlyInAnyOrderElementsOf(taskIds);
        Set<String> ids = new HashSet<>();
        mails.forEach(mail -> assertThat(ids.add(mail.messageId())).as("Message-ID %s once", mail.messageId()).isTrue());
    }
}
