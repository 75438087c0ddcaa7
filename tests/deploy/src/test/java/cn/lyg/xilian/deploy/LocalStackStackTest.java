package cn.lyg.xilian.deploy;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The template's own resources deploy to LocalStack through CloudFormation. */
class LocalStackStackTest {

    @Test
    void theTemplatesResourcesWithoutItsFunctionsDeploy() throws Exception {
        Assumptions.assumeTrue(LocalStackConfig.endpoint().isPresent(), LocalStackConfig.SKIP_REASON);
        LocalStackStack stack = LocalStackStack.deploy(LocalStackConfig.endpoint().get(), "xilian-resources-" + System.nanoTime(),
                LocalStackStack.testParameters());
        System.out.println("set aside: " + stack.setAside + "\nresources: " + stack.physicalIds + "\noutputs: " + stack.outputs);
        assertThat(stack.physicalIds).containsKeys("XilianTable", "JobsDeadLetterQueue", "StreamFailureQueue", "OpsTopic",
                "EvidenceBucket", "EvidenceBucketPolicy");
        assertThat(stack.setAside).contains("ApiFunction", "AlertScanFunction", "SubmissionEventFunction",
                "WeeklySummaryFunction", "HttpApi", "ApiFunctionLogGroup", "ApiErrorsAlarm");
        assertThat(stack.outputs).containsKeys("TableName", "JobsDeadLetterQueueName", "StreamFailureQueueName", "OpsTopicName",
                        "EvidenceBucketName")
                .doesNotContainKey("ApiUrl");
    }
}
