package cn.lyg.xilian.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 27 (what the infrastructure scanner asked for, and what was decided instead): access logs for the API and the
 * evidence bucket, a reserved concurrency on every function, dead letters wherever Lambda invokes asynchronously,
 * encryption on the queues and the topic, and a reason, also in infra/docs/SECURITY.md, for every check skipped.
 * The scan itself runs in infra/bin/test (infra/bin/scan-template).
 */
class HardeningTemplateTest {

    static final String FUNCTION = "AWS::Serverless::Function";
    /** CloudWatch Logs' allowed RetentionInDays values (PutRetentionPolicy). */
    static final Set<Integer> CLOUDWATCH_RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,
            545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
    /** 《网络安全法》 art. 21: network logs kept at least six months (the longest six months: 184 days). */
    static final int SIX_MONTHS_DAYS = 184;
    /** Unreserved concurrency Lambda keeps for the account's other functions, and the usual account quota. */
    static final int UNRESERVED_MINIMUM = 100;
    static final int USUAL_ACCOUNT_QUOTA = 1000;
    /** The warm API request time the reservation is sized for (infra/docs/SECURITY.md, "Concurrency"). */
    static final double API_REQUEST_SECONDS = 0.5;
    /** Event sources through which Lambda invokes the function asynchronously. */
    static final Set<String> ASYNC_EVENTS = Set.of("Schedule", "ScheduleV2", "S3", "SNS", "EventBridgeRule",
            "CloudWatchEvent", "CloudWatchLogs", "IoTRule", "Cognito");
    static final Pattern SKIP = Pattern.compile("#\\s*checkov:skip=([A-Za-z0-9_]+)(?::(.*))?$");

    @Test
    void theApiWritesAnAccessLogWithAStatedFormatAndRetention() throws Exception {
        Template t = Template.get();
        Map<String, Object> settings = Template.map(t.resource("HttpApi").get("Properties"), "AccessLogSettings");
        assertThat(settings.get("DestinationArn")).isEqualTo(Map.of("Fn::GetAtt", List.of("HttpApiAccessLogGroup", "Arn")));
        Map<String, Object> group = t.resource("HttpApiAccessLogGroup");
        assertThat(group.get("Type")).isEqualTo("AWS::Logs::LogGroup");
        assertThat(Template.map(group, "Properties").get("RetentionInDays")).isEqualTo(Map.of("Ref", "AccessLogRetentionDays"));

        String format = (String) settings.get("Format");
        // Each value is one $context variable in quotes (API Gateway writes "-" for a missing one): with every
        // variable replaced, the line is a JSON object of strings.
        JsonNode line = new ObjectMapper().readTree(format.replaceAll("\\$context\\.[A-Za-z.]+", "x"));
        assertThat(line.isObject()).isTrue();
        line.fields().forEachRemaining(f -> assertThat(f.getValue().isTextual()).as(f.getKey()).isTrue());
        Map<String, String> fields = new LinkedHashMap<>();
        new ObjectMapper().readTree(format.replace("$", "\\u0024")).fields()
                .forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
        // Who, when, what, and how it went (the statement in SECURITY.md).
        assertThat(fields).containsEntry("ip", "$context.identity.sourceIp")
                .containsEntry("requestTime", "$context.requestTime")
                .containsEntry("httpMethod", "$context.httpMethod")
                .containsEntry("path", "$context.path")
                .containsEntry("routeKey", "$context.routeKey")
                .containsEntry("status", "$context.status")
                .containsEntry("integrationStatus", "$context.integrationStatus")
                .containsKeys("requestId", "userAgent", "responseLatency");
        // Never a secret: a sign-in link's token is in the query string, API tokens and sessions in headers.
        assertThat(fields.values()).allMatch(v -> v.matches("\\$context\\.[A-Za-z.]+"), "one $context variable each")
                .noneMatch(v -> v.toLowerCase().matches(".*(query|header|authoriz|cookie|requestoverride|body).*"));

        Map<String, Object> retention = Template.map(Template.map(t.root, "Parameters"), "AccessLogRetentionDays");
        List<Integer> allowed = Template.list(retention, "AllowedValues").stream().map(v -> (Integer) v).toList();
        assertThat(allowed).isNotEmpty().allMatch(CLOUDWATCH_RETENTION_DAYS::contains)
                .allMatch(d -> d >= SIX_MONTHS_DAYS).contains((Integer) retention.get("Default"));
    }

    @Test
    void everyEvidenceRequestIsLoggedToAPrivateLogBucket() throws Exception {
        Template t = Template.get();
        Map<String, Object> evidence = Template.map(t.resource("EvidenceBucket"), "Properties");
        Map<String, Object> logging = Template.map(evidence, "LoggingConfiguration");
        assertThat(logging.get("DestinationBucketName")).isEqualTo(Map.of("Ref", "EvidenceAccessLogBucket"));
        String prefix = (String) logging.get("LogFilePrefix");
        assertThat(prefix).isEqualTo("evidence-bucket/");

        Map<String, Object> logBucket = Template.map(t.resource("EvidenceAccessLogBucket"), "Properties");
        // Log delivery writes to targets with SSE-S3 default encryption; private; kept for the retention period.
        assertThat(Template.map(Template.list(Template.map(logBucket, "BucketEncryption"), "ServerSideEncryptionConfiguration").get(0),
                "ServerSideEncryptionByDefault")).containsEntry("SSEAlgorithm", "AES256");
        assertThat(Template.map(logBucket, "PublicAccessBlockConfiguration")).containsEntry("BlockPublicAcls", true)
                .containsEntry("BlockPublicPolicy", true).containsEntry("IgnorePublicAcls", true)
                .containsEntry("RestrictPublicBuckets", true);
        assertThat(Template.list(Template.map(logBucket, "LifecycleConfiguration"), "Rules"))
                .anySatisfy(r -> assertThat(((Map<?, ?>) r).get("ExpirationInDays")).isEqualTo(Map.of("Ref", "AccessLogRetentionDays")));
        assertThat(logBucket).as("a log bucket does not log itself").doesNotContainKey("LoggingConfiguration");

        // S3's logging service may write under the prefix, for the evidence bucket of this account only.
        Map<String, Object> policy = Template.map(t.resource("EvidenceAccessLogBucketPolicy"), "Properties");
        assertThat(policy.get("Bucket")).isEqualTo(Map.of("Ref", "EvidenceAccessLogBucket"));
        List<Object> statements = Template.list(Template.map(policy, "PolicyDocument"), "Statement");
        assertThat(statements).filteredOn(s -> "Allow".equals(((Map<?, ?>) s).get("Effect"))).singleElement().satisfies(s -> {
            Map<String, Object> st = Template.map(Map.of("s", s), "s");
            assertThat(st.get("Principal")).isEqualTo(Map.of("Service", "logging.s3.amazonaws.com"));
            assertThat(st.get("Action")).isEqualTo("s3:PutObject");
            assertThat(st.get("Resource")).isEqualTo(Map.of("Fn::Sub", "${EvidenceAccessLogBucket.Arn}/" + prefix + "*"));
            Map<String, Object> condition = Template.map(st, "Condition");
            assertThat(Template.map(condition, "ArnLike")).containsEntry("aws:SourceArn", Map.of("Fn::GetAtt", List.of("EvidenceBucket", "Arn")));
            assertThat(Template.map(condition, "StringEquals")).containsEntry("aws:SourceAccount", Map.of("Ref", "AWS::AccountId"));
        });
    }

    @Test
    void everyFunctionHasAReservedConcurrencySizedForItsInvoker() throws Exception {
        Template t = Template.get();
        Map<String, Object> parameters = Template.map(t.root, "Parameters");
        int apiDefault = (Integer) Template.map(parameters, "ApiReservedConcurrency").get("Default");
        int total = 0;
        for (var f : t.resources(FUNCTION).entrySet()) {
            String id = f.getKey();
            @SuppressWarnings("unchecked")
            Map<String, Object> reserved = (Map<String, Object>) t.resolve(f.getValue(), Map.of("ReservedConcurrency", "ENABLED"));
            @SuppressWarnings("unchecked")
            Map<String, Object> unreserved = (Map<String, Object>) t.resolve(f.getValue(), Map.of("ReservedConcurrency", "DISABLED"));
            // Switched off for accounts whose quota cannot hold the reservations (never 0: that would stop the function).
            assertThat(unreserved).as(id + " with ReservedConcurrency=DISABLED").doesNotContainKey("ReservedConcurrentExecutions");
            Object value = reserved.get("ReservedConcurrentExecutions");
            assertThat(value).as(id + " ReservedConcurrentExecutions").isNotNull();
            int n = value instanceof Map<?, ?> ref ? (Integer) Template.map(parameters, (String) ref.get("Ref")).get("Default") : (Integer) value;
            assertThat(n).as(id).isPositive();
            total += n;
            List<String> eventTypes = Template.map(f.getValue(), "Events").values().stream()
                    .map(e -> String.valueOf(((Map<?, ?>) e).get("Type"))).toList();
            if (eventTypes.contains("HttpApi")) {
                assertThat(value).as(id).isEqualTo(Map.of("Ref", "ApiReservedConcurrency"));
                Map<String, Object> route = Template.map(t.resource("HttpApi").get("Properties"), "DefaultRouteSettings");
                int rate = (Integer) Template.map(parameters, ((Map<?, ?>) route.get("ThrottlingRateLimit")).get("Ref").toString()).get("Default");
                int burst = (Integer) Template.map(parameters, ((Map<?, ?>) route.get("ThrottlingBurstLimit")).get("Ref").toString()).get("Default");
                // The stage's steady rate fits (rate x request time), and the cap binds before the burst would.
                assertThat(apiDefault).as("API reservation vs the stage throttle")
                        .isGreaterThanOrEqualTo((int) Math.ceil(rate * API_REQUEST_SECONDS)).isLessThanOrEqualTo(burst);
            } else if (eventTypes.stream().anyMatch(e -> e.startsWith("Schedule"))) {
                assertThat(n).as(id + ": a scheduled job runs one at a time").isEqualTo(1);
            } else if (eventTypes.contains("DynamoDB")) {
                // One batch per shard at a time; room for a few shards.
                assertThat(n).as(id + ": stream consumer").isGreaterThanOrEqualTo(2);
            }
        }
        assertThat(total + UNRESERVED_MINIMUM).as("reservations + Lambda's unreserved minimum fit the usual account quota")
                .isLessThanOrEqualTo(USUAL_ACCOUNT_QUOTA);
    }

    @Test
    void asynchronousInvocationsEndInAnAlarmedDeadLetterQueue() throws Exception {
        Template t = Template.get();
        Set<String> alarmedQueues = new TreeSet<>();
        t.resources("AWS::CloudWatch::Alarm").values().forEach(a -> Template.list(a, "Dimensions").forEach(d -> {
            Map<?, ?> dim = (Map<?, ?>) d;
            if ("QueueName".equals(dim.get("Name")) && dim.get("Value") instanceof Map<?, ?> v && v.get("Fn::GetAtt") instanceof List<?> l
                    && Template.list(a, "AlarmActions").contains(Map.of("Ref", "OpsTopic"))) {
                alarmedQueues.add(String.valueOf(l.get(0)));
            }
        }));
        int asynchronous = 0;
        for (var f : t.resources(FUNCTION).entrySet()) {
            boolean async = Template.map(f.getValue(), "Events").values().stream()
                    .anyMatch(e -> ASYNC_EVENTS.contains(String.valueOf(((Map<?, ?>) e).get("Type"))));
            if (!async) {
                continue;
            }
            asynchronous++;
            Map<String, Object> dlq = Template.map(f.getValue(), "DeadLetterQueue");
            assertThat(dlq).as(f.getKey() + " DeadLetterQueue").containsEntry("Type", "SQS");
            Object target = dlq.get("TargetArn");
            assertThat(target).isInstanceOf(Map.class);
            String queue = String.valueOf(((List<?>) ((Map<?, ?>) target).get("Fn::GetAtt")).get(0));
            assertThat(t.resource(queue).get("Type")).isEqualTo("AWS::SQS::Queue");
            assertThat(alarmedQueues).as("an alarm on " + queue + " notifies OpsTopic").contains(queue);
            // One place for a job's dead letters: the schedule's (not delivered) and the function's (failed).
            Template.map(f.getValue(), "Events").values().forEach(e -> {
                Object scheduleDlq = Template.map(Template.map(Template.map(Map.of("e", e), "e"), "Properties"), "DeadLetterConfig").get("Arn");
                if (scheduleDlq != null) {
                    assertThat(scheduleDlq).as(f.getKey() + ": schedule and function dead letters").isEqualTo(target);
                }
            });
        }
        assertThat(asynchronous).as("scheduled jobs").isGreaterThan(0);
    }

    @Test
    void theQueuesAndTheTopicAreEncryptedAndAlarmsCanStillNotify() throws Exception {
        Template t = Template.get();
        assertThat(t.resources("AWS::SQS::Queue")).isNotEmpty().allSatisfy((id, q) ->
                assertThat(q).as(id + ": SSE-SQS (works with Scheduler and Lambda as senders, no key policy)")
                        .containsEntry("SqsManagedSseEnabled", true).doesNotContainKey("KmsMasterKeyId"));
        assertThat(t.resources("AWS::SNS::Topic")).isNotEmpty().allSatisfy((id, topic) -> {
            // A key of this stack, not alias/aws/sns (CloudWatch alarms cannot use that one).
            Object key = topic.get("KmsMasterKeyId");
            assertThat(key).as(id + " KmsMasterKeyId").isInstanceOf(Map.class);
            String keyId = String.valueOf(((Map<?, ?>) key).get("Ref"));
            Map<String, Object> keyResource = t.resource(keyId);
            assertThat(keyResource.get("Type")).isEqualTo("AWS::KMS::Key");
            Map<String, Object> keyProps = Template.map(keyResource, "Properties");
            assertThat(keyProps).containsEntry("EnableKeyRotation", true);
            boolean alarmsPublish = t.resources("AWS::CloudWatch::Alarm").values().stream()
                    .anyMatch(a -> Template.list(a, "AlarmActions").contains(Map.of("Ref", id)));
            if (alarmsPublish) {
                assertThat(Template.list(Template.map(keyProps, "KeyPolicy"), "Statement")).anySatisfy(s -> {
                    Map<String, Object> st = Template.map(Map.of("s", s), "s");
                    assertThat(st).containsEntry("Effect", "Allow")
                            .containsEntry("Principal", Map.of("Service", "cloudwatch.amazonaws.com"));
                    assertThat(Template.list(st, "Action")).contains("kms:Decrypt", "kms:GenerateDataKey*");
                });
            }
        });
    }

    /**
     * Every check the template skips names its reason on the resource, and infra/docs/SECURITY.md lists each skip
     * (check and resource); what it lists is skipped in the template.
     */
    @Test
    void everySkippedCheckHasAReasonHereAndInSecurityMd() throws Exception {
        List<String> lines = Files.readAllLines(Template.ROOT.resolve("template.yaml"));
        Map<String, String> skips = new LinkedHashMap<>(); // "CHECK Resource" -> reason
        String resource = null;
        boolean inResources = false;
        for (String line : lines) {
            if (!line.isEmpty() && !line.startsWith(" ") && !line.startsWith("#")) {
                inResources = line.startsWith("Resources:");
                resource = null;
                continue;
            }
            Matcher r = Pattern.compile("^  ([A-Za-z0-9]+):\\s*$").matcher(line);
            if (inResources && r.matches()) {
                resource = r.group(1);
                continue;
            }
            Matcher m = SKIP.matcher(line);
            if (m.find()) {
                assertThat(resource).as("a skip inside a resource: " + line).isNotNull();
                skips.put(m.group(1) + " " + resource, m.group(2) == null ? "" : m.group(2).strip());
            }
        }
        assertThat(skips).isNotEmpty();
        skips.forEach((skip, reason) -> assertThat(reason).as(skip + ": its reason").hasSizeGreaterThanOrEqualTo(40));

        String security = Files.readString(Template.ROOT.resolve("infra/docs/SECURITY.md"));
        String heading = "### Infrastructure scan (checkov)";
        assertThat(security).contains(heading);
        String section = security.substring(security.indexOf(heading) + heading.length());
        int end = section.indexOf("\n#");
        section = end < 0 ? section : section.substring(0, end);
        // Rows of the skips table: | CKV_… | Resource, Resource | reason |
        Set<String> documented = new TreeSet<>();
        for (String row : section.lines().filter(l -> l.startsWith("| CKV_")).toList()) {
            String[] cells = row.split("\\|");
            for (String res : cells[2].split(",")) {
                documented.add(cells[1].strip() + " " + res.strip().replace("`", ""));
            }
        }
        assertThat(documented).as("skips listed in infra/docs/SECURITY.md").isEqualTo(new TreeSet<>(skips.keySet()));
        List<String> unknownChecks = new ArrayList<>(documented);
        unknownChecks.removeIf(d -> d.matches("CKV2?_AWS_\\d+ \\w+"));
        assertThat(unknownChecks).isEmpty();
    }
}
