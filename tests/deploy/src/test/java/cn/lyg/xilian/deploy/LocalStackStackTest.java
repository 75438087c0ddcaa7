package cn.lyg.xilian.deploy;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.LoggingEnabled;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The template's own resources deploy to LocalStack through CloudFormation. */
class LocalStackStackTest {

    private static LocalStackStack stack;

    /** One stack for both tests (each deployment takes seconds). */
    private static synchronized LocalStackStack stack() throws Exception {
        if (stack == null) {
            stack = LocalStackStack.deploy(LocalStackConfig.endpoint().get(), "xilian-resources-" + System.nanoTime(),
                    LocalStackStack.testParameters());
        }
        return stack;
    }

    @Test
    void theTemplatesResourcesWithoutItsFunctionsDeploy() throws Exception {
        Assumptions.assumeTrue(LocalStackConfig.endpoint().isPresent(), LocalStackConfig.SKIP_REASON);
        LocalStackStack stack = stack();
        System.out.println("set aside: " + stack.setAside + "\nresources: " + stack.physicalIds + "\noutputs: " + stack.outputs);
        assertThat(stack.physicalIds).containsKeys("XilianTable", "JobsDeadLetterQueue", "StreamFailureQueue", "OpsTopic",
                "OpsTopicKey", "EvidenceBucket", "EvidenceBucketPolicy", "EvidenceAccessLogBucket",
                "EvidenceAccessLogBucketPolicy", "HttpApiAccessLogGroup");
        assertThat(stack.setAside).contains("ApiFunction", "AlertScanFunction", "SubmissionEventFunction",
                "WeeklySummaryFunction", "HttpApi", "ApiFunctionLogGroup", "ApiErrorsAlarm");
        assertThat(stack.outputs).containsKeys("TableName", "JobsDeadLetterQueueName", "StreamFailureQueueName", "OpsTopicName",
                        "EvidenceBucketName", "EvidenceAccessLogBucketName", "ApiAccessLogGroupName")
                .doesNotContainKey("ApiUrl");
    }

    /**
     * Issue 27's settings as deployed: the evidence bucket's access logging and its log bucket (applied through S3's
     * API: LocalStack's CloudFormation drops them, and LocalStack writes no access logs), the API access log's
     * retention (dropped too; applied through the Logs API), the queues' and the topic's encryption (kept).
     */
    @Test
    void accessLogsAndEncryptionAreDeployedAsWritten() throws Exception {
        Assumptions.assumeTrue(LocalStackConfig.endpoint().isPresent(), LocalStackConfig.SKIP_REASON);
        LocalStackStack stack = stack();
        Map<String, String> ids = stack.physicalIds;
        Object retentionDays = Template.map(Template.map(Template.get().root, "Parameters"), "AccessLogRetentionDays").get("Default");
        try (S3Client s3 = S3Client.builder().endpointOverride(stack.endpoint).region(LocalStackStack.REGION).forcePathStyle(true)
                .credentialsProvider(LocalStackStack.CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            LoggingEnabled logging = s3.getBucketLogging(b -> b.bucket(ids.get("EvidenceBucket"))).loggingEnabled();
            assertThat(logging).as("evidence bucket access logging").isNotNull();
            assertThat(logging.targetBucket()).isEqualTo(ids.get("EvidenceAccessLogBucket"));
            assertThat(logging.targetPrefix()).isEqualTo("evidence-bucket/");
            assertThat(logging.targetObjectKeyFormat().partitionedPrefix().partitionDateSourceAsString()).isEqualTo("EventTime");
            String logBucket = ids.get("EvidenceAccessLogBucket");
            assertThat(s3.getBucketLifecycleConfiguration(b -> b.bucket(logBucket)).rules())
                    .anySatisfy(r -> assertThat(String.valueOf(r.expiration().days())).isEqualTo(String.valueOf(retentionDays)));
            assertThat(s3.getBucketEncryption(b -> b.bucket(logBucket)).serverSideEncryptionConfiguration().rules())
                    .singleElement().satisfies(r -> assertThat(r.applyServerSideEncryptionByDefault().sseAlgorithmAsString()).isEqualTo("AES256"));
            assertThat(s3.getPublicAccessBlock(b -> b.bucket(logBucket)).publicAccessBlockConfiguration().restrictPublicBuckets()).isTrue();
            assertThat(s3.getBucketPolicy(b -> b.bucket(logBucket)).policy())
                    .contains("logging.s3.amazonaws.com").contains(ids.get("EvidenceBucket"));
        }
        try (CloudWatchLogsClient logs = CloudWatchLogsClient.builder().endpointOverride(stack.endpoint).region(LocalStackStack.REGION)
                .credentialsProvider(LocalStackStack.CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            String group = ids.get("HttpApiAccessLogGroup");
            assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups())
                    .filteredOn(g -> g.logGroupName().equals(group)).singleElement()
                    .satisfies(g -> assertThat(String.valueOf(g.retentionInDays())).isEqualTo(String.valueOf(retentionDays)));
        }
        try (SqsClient sqs = SqsClient.builder().endpointOverride(stack.endpoint).region(LocalStackStack.REGION)
                .credentialsProvider(LocalStackStack.CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            for (String queue : new String[]{"JobsDeadLetterQueue", "StreamFailureQueue"}) {
                assertThat(sqs.getQueueAttributes(b -> b.queueUrl(ids.get(queue)).attributeNames(QueueAttributeName.ALL))
                        .attributesAsStrings()).as(queue).containsEntry("SqsManagedSseEnabled", "true");
            }
        }
        try (SnsClient sns = SnsClient.builder().endpointOverride(stack.endpoint).region(LocalStackStack.REGION)
                .credentialsProvider(LocalStackStack.CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            assertThat(sns.getTopicAttributes(b -> b.topicArn(ids.get("OpsTopic"))).attributes())
                    .containsEntry("KmsMasterKeyId", ids.get("OpsTopicKey"));
        }
    }
}
