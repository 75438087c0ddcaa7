package cn.lyg.xilian.deploy;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ses.SesClient;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template's own resources on LocalStack, from template.yaml itself: every resource except the
 * serverless ones (functions, the HTTP API: LocalStack can run neither without Docker / Pro) and what refers
 * to them (log groups, the functions' alarms, outputs) goes through CloudFormation unchanged: the table with
 * its keys, indexes and stream, both queues and the queue policy, the alarm topic and the queue alarms.
 * The SES identity is the template's {@code SenderEmail} parameter, verified in LocalStack's SES. What LocalStack's
 * CloudFormation drops is put through the services' own APIs after the stack is created, as written in the
 * template: the buckets' properties ({@link LocalStackBuckets}; their server access logging included, which
 * LocalStack records but never delivers) and the log groups' retention ({@link #configureLogGroups}).
 */
final class LocalStackStack {

    static final Region REGION = Region.US_EAST_1;
    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    final URI endpoint;
    final String stackName;
    final Map<String, String> parameters;
    final Map<String, String> outputs;
    /** Logical id → physical id (table name, queue URL, topic ARN, …). */
    final Map<String, String> physicalIds;
    final List<String> setAside;

    private LocalStackStack(URI endpoint, String stackName, Map<String, String> parameters, Map<String, String> outputs,
                            Map<String, String> physicalIds, List<String> setAside) {
        this.endpoint = endpoint;
        this.stackName = stackName;
        this.parameters = parameters;
        this.outputs = outputs;
        this.physicalIds = physicalIds;
        this.setAside = setAside;
    }

    /** Test parameters: example addresses, schedules off (nothing in LocalStack fires them anyway). */
    static Map<String, String> testParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Stage", "dev");
        p.put("SenderEmail", "noreply@xilian.example.cn");
        p.put("CoordinatorEmails", "coordinator-a@xilian.example.cn,coordinator-b@xilian.example.cn");
        p.put("UnitContactsJson", "{\"donghai\":[\"donghai@xilian.example.cn\"],\"park-huiyu\":[\"huiyu@xilian.example.cn\"]}");
        p.put("OpsEmail", "ops@xilian.example.cn");
        p.put("ScheduleState", "DISABLED");
        return p;
    }

    /** Creates (or reuses) the stack and verifies the sender identity. */
    static LocalStackStack deploy(URI endpoint, String stackName, Map<String, String> parameters) throws IOException {
        Map<String, Object> template = Template.get().root;
        List<String> setAside = new ArrayList<>();
        String body = resourcesOnly(template, setAside);
        try (CloudFormationClient cfn = CloudFormationClient.builder().endpointOverride(endpoint).region(REGION)
                .credentialsProvider(CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
             SesClient ses = SesClient.builder().endpointOverride(endpoint).region(REGION)
                     .credentialsProvider(CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            boolean exists = cfn.listStacks().stackSummaries().stream().anyMatch(s -> s.stackName().equals(stackName)
                    && s.stackStatus() != StackStatus.DELETE_COMPLETE);
            if (!exists) {
                cfn.createStack(b -> b.stackName(stackName).templateBody(body)
                        .parameters(parameters.entrySet().stream().map(e -> Parameter.builder()
                                .parameterKey(e.getKey()).parameterValue(e.getValue()).build()).toList()));
            }
            Stack stack = awaitComplete(cfn, stackName);
            Map<String, String> outputs = new LinkedHashMap<>();
            stack.outputs().forEach(o -> outputs.put(o.outputKey(), o.outputValue()));
            Map<String, String> ids = new LinkedHashMap<>();
            for (StackResource r : cfn.describeStackResources(b -> b.stackName(stackName)).stackResources()) {
                ids.put(r.logicalResourceId(), r.physicalResourceId());
            }
            ses.verifyEmailIdentity(b -> b.emailAddress(parameters.get("SenderEmail")));
            configureBuckets(endpoint, template, ids, parameters);
            configureLogGroups(endpoint, template, ids, parameters);
            return new LocalStackStack(endpoint, stackName, parameters, outputs, ids, setAside);
        }
    }

    /** The buckets' properties LocalStack's CloudFormation drops, through S3's API ({@link LocalStackBuckets}). */
    private static void configureBuckets(URI endpoint, Map<String, Object> template, Map<String, String> ids,
                                         Map<String, String> parameters) {
        Map<?, ?> resources = (Map<?, ?>) template.get("Resources");
        try (S3Client s3 = S3Client.builder().endpointOverride(endpoint).region(REGION).forcePathStyle(true)
                .credentialsProvider(CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            resources.forEach((id, r) -> {
                Map<?, ?> resource = (Map<?, ?>) r;
                if ("AWS::S3::Bucket".equals(resource.get("Type")) && ids.containsKey(String.valueOf(id))) {
                    Object properties = resolveRefs(resource.get("Properties"), template, ids, parameters);
                    LocalStackBuckets.applyDroppedProperties(s3, ids.get(String.valueOf(id)),
                            properties instanceof Map<?, ?> m ? m : Map.of());
                }
            });
        }
    }

    /**
     * LocalStack 4.14's CloudFormation creates an {@code AWS::Logs::LogGroup} without its RetentionInDays (the
     * group then never expires anything); put through the Logs API as CloudFormation does in AWS.
     */
    private static void configureLogGroups(URI endpoint, Map<String, Object> template, Map<String, String> ids,
                                           Map<String, String> parameters) {
        Map<?, ?> resources = (Map<?, ?>) template.get("Resources");
        try (CloudWatchLogsClient logs = CloudWatchLogsClient.builder().endpointOverride(endpoint).region(REGION)
                .credentialsProvider(CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            resources.forEach((id, r) -> {
                Map<?, ?> resource = (Map<?, ?>) r;
                if ("AWS::Logs::LogGroup".equals(resource.get("Type")) && ids.containsKey(String.valueOf(id))) {
                    Object properties = resolveRefs(resource.get("Properties"), template, ids, parameters);
                    Object days = properties instanceof Map<?, ?> m ? m.get("RetentionInDays") : null;
                    if (days != null) {
                        logs.putRetentionPolicy(b -> b.logGroupName(ids.get(String.valueOf(id)))
                                .retentionInDays(Integer.valueOf(String.valueOf(days))));
                    }
                }
            });
        }
    }

    /**
     * {@code node} with each {@code Ref} replaced as CloudFormation resolves it: a resource's physical id, or a
     * parameter's value (the deployment's, else the template's default). Other intrinsic functions stay.
     */
    static Object resolveRefs(Object node, Map<String, Object> template, Map<String, String> ids,
                              Map<String, String> parameters) {
        if (node instanceof Map<?, ?> m) {
            if (m.size() == 1 && m.get("Ref") instanceof String name) {
                if (ids.containsKey(name)) {
                    return ids.get(name);
                }
                if (parameters.containsKey(name)) {
                    return parameters.get(name);
                }
                Object parameter = ((Map<?, ?>) template.getOrDefault("Parameters", Map.of())).get(name);
                if (parameter instanceof Map<?, ?> p && p.containsKey("Default")) {
                    return String.valueOf(p.get("Default"));
                }
                throw new IllegalStateException("cannot resolve Ref " + name + " for LocalStack");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), resolveRefs(v, template, ids, parameters)));
            return out;
        }
        if (node instanceof List<?> l) {
            return l.stream().map(v -> resolveRefs(v, template, ids, parameters)).toList();
        }
        return node;
    }

    private static Stack awaitComplete(CloudFormationClient cfn, String stackName) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            Stack stack = cfn.describeStacks(b -> b.stackName(stackName)).stacks().get(0);
            switch (stack.stackStatus()) {
                case CREATE_COMPLETE, UPDATE_COMPLETE -> {
                    return stack;
                }
                case CREATE_IN_PROGRESS, UPDATE_IN_PROGRESS -> {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("stack " + stackName + " still " + stack.stackStatus());
                    }
                    sleep(250);
                }
                default -> throw new IllegalStateException("stack " + stackName + ": " + stack.stackStatus() + " "
                        + stack.stackStatusReason() + "; events: " + cfn.describeStackEvents(b -> b.stackName(stackName))
                        .stackEvents().stream().filter(e -> e.resourceStatusReason() != null)
                        .map(e -> e.logicalResourceId() + " " + e.resourceStatus() + " " + e.resourceStatusReason()).toList());
            }
        }
    }

    /**
     * template.yaml without its serverless resources and whatever refers to them (transitively), without
     * Transform and Globals (which only serve those); everything else as written.
     */
    @SuppressWarnings("unchecked")
    static String resourcesOnly(Map<String, Object> template, List<String> setAside) {
        Map<String, Object> out = new LinkedHashMap<>(template);
        out.remove("Transform");
        out.remove("Globals");
        Map<String, Object> resources = new LinkedHashMap<>((Map<String, Object>) template.get("Resources"));
        Set<String> removed = new LinkedHashSet<>();
        resources.forEach((id, r) -> {
            if (String.valueOf(((Map<String, Object>) r).get("Type")).startsWith("AWS::Serverless::")) {
                removed.add(id);
            }
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (var e : resources.entrySet()) {
                if (!removed.contains(e.getKey()) && refersToAny(e.getValue(), removed)) {
                    removed.add(e.getKey());
                    changed = true;
                }
            }
        }
        resources.keySet().removeAll(removed);
        setAside.addAll(removed);
        out.put("Resources", resources);
        Map<String, Object> outputs = new LinkedHashMap<>((Map<String, Object>) template.getOrDefault("Outputs", Map.of()));
        outputs.values().removeIf(o -> refersToAny(o, removed));
        out.put("Outputs", outputs);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(200);
        return new Yaml(options).dump(out);
    }

    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9]+)[.}]");

    /** Ref, Fn::GetAtt, ${X} in Fn::Sub and DependsOn. */
    static boolean refersToAny(Object node, Set<String> ids) {
        if (node instanceof Map<?, ?> map) {
            for (var e : map.entrySet()) {
                Object key = e.getKey();
                Object value = e.getValue();
                if ("Ref".equals(key) && ids.contains(value)) {
                    return true;
                }
                if ("Fn::GetAtt".equals(key) && value instanceof List<?> l && !l.isEmpty() && ids.contains(l.get(0))) {
                    return true;
                }
                if ("Fn::Sub".equals(key)) {
                    String text = value instanceof List<?> l ? String.valueOf(l.get(0)) : String.valueOf(value);
                    Matcher m = SUB_REFERENCE.matcher(text);
                    while (m.find()) {
                        if (ids.contains(m.group(1))) {
                            return true;
                        }
                    }
                }
                if ("DependsOn".equals(key) && (ids.contains(value) || value instanceof List<?> l && l.stream().anyMatch(ids::contains))) {
                    return true;
                }
                if (refersToAny(value, ids)) {
                    return true;
                }
            }
        } else if (node instanceof List<?> list) {
            for (Object o : list) {
                if (refersToAny(o, ids)) {
                    return true;
                }
            }
        }
        return false;
    }

    String tableName() {
        return physicalIds.get("XilianTable");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
