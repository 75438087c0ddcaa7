package cn.lyg.xilian.deploy;

import cn.lyg.xilian.dynamodb.Keys;
import cn.lyg.xilian.dynamodb.TableDefinition;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * template.yaml against what was built and what the code expects. Runs after the function modules'
 * package phase (this module depends on them), so the shaded jars are there.
 */
class TemplateTest {

    static final String FUNCTION = "AWS::Serverless::Function";
    static final String TABLE = "XilianTable";
    /**
     * Lambda's own limit is 250 MB unpacked; ours is per jar (by CodeUri), for deploy and cold-start time. The API's
     * was issue 13's target, 15 MiB (the jar: 14.3 MiB, after leaving out the SDK's Streams and async clients, the
     * other services' metadata and Micronaut's HTTP client); what holds it near: ~9,600 zip entries (~2 MiB of
     * headers and names alone), reactor-core (~1.5 MiB, Micronaut's HTTP core refers to it), the DynamoDB model
     * classes (~2.1 MiB, the client refers to every operation's). Issue 21 put the storage on the DynamoDB Enhanced
     * Client (static schemas): +0.79 MiB in each jar (the client's ~530 classes, 0.7 MiB with their entries, and the
     * items' storage records, 0.08 MiB), so the API's limit is 15.5 MiB (its jar: 15.17 MiB with the OpenAPI
     * document) and the jobs' 17.75 MiB (17.41 MiB with the emails' templates). Issue 23's administration (单位与账号管理,
     * 操作留痕 and its workbook, the directory's storage; ~0.5 MiB of classes and templates in the API, ~0.1 MiB in the
     * jobs) and issue 26's 情况通报 writer (~0.04 MiB) raised them to 16 MiB (the API's jar: 15.73 MiB) and 18 MiB (the
     * jobs': 17.73 MiB). Issue 24's 年度总结 document and JSON (~0.06 MiB) and the week's read model the board's ranking
     * and 情况通报 download need, which the API jar had left out (~0.06 MiB), brought the API's jar to 15.87 MiB.
     * Issue 26's group robots seal their credentials with KMS: the SDK's KMS client (1.49 MiB jar) raised them to
     * 17.5 MiB and 19.5 MiB (infra/docs/BENCHMARKS.md lists what each jar holds).
     */
    static final Map<String, Long> MAX_JAR_BYTES = Map.of(
            "functions/api", 35L * 512 * 1024,
            "functions/jobs", 39L * 512 * 1024);
    /** Set by the Lambda runtime in every function (docs: "Defined runtime environment variables"). */
    static final Set<String> LAMBDA_RESERVED = Set.of("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_EXECUTION_ENV", "LAMBDA_TASK_ROOT",
            "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "TZ");
    /** `${NAME}` or `${NAME:default}` in application.yml. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)(:[^}]*)?}");
    /** The classes whose references the jars must hold: ours, and the Enhanced Client's (the jars leave parts out). */
    static final Pattern OWN = Pattern.compile("(cn\\.lyg\\.xilian|software\\.amazon\\.awssdk\\.enhanced)\\.");

    @TestFactory
    Stream<DynamicContainer> everyFunction() throws IOException {
        Template t = Template.get();
        assertThat(t.resources(FUNCTION)).isNotEmpty();
        return t.resources(FUNCTION).entrySet().stream().map(e -> {
            String id = e.getKey();
            Map<String, Object> props = e.getValue();
            String codeUri = (String) props.get("CodeUri");
            return DynamicContainer.dynamicContainer(id + " (" + codeUri + ")", Stream.of(
                    DynamicTest.dynamicTest("handler class is in the built artifact", () -> handlerResolves(id, props)),
                    DynamicTest.dynamicTest("artifact is lean (size budget, no Netty/Apache HTTP)", () -> artifactIsLean(id, props)),
                    DynamicTest.dynamicTest("no importer or command-line tool", () -> noOperatorTools(id, props)),
                    DynamicTest.dynamicTest("required configuration is set", () -> configurationIsSet(id, props)),
                    DynamicTest.dynamicTest("policy grants exactly the declared calls", () -> policyMatchesCalls(id, props)),
                    DynamicTest.dynamicTest("no static random generators (SnapStart)", () -> noStaticRandom(id, props)),
                    DynamicTest.dynamicTest("at most one CustomPojoSerializer", () -> oneCustomSerializer(id, props)),
                    DynamicTest.dynamicTest("our classes refer only to classes in the jar", () -> ownClassesClosed(id, props))));
        });
    }

    static FunctionArtifact built(String id, Map<String, Object> props) throws IOException {
        FunctionArtifact a = FunctionArtifact.of(id, (String) props.get("CodeUri"));
        a.requireBuilt();
        return a;
    }

    void handlerResolves(String id, Map<String, Object> props) throws Exception {
        FunctionArtifact a = built(id, props);
        String handler = (String) props.get("Handler");
        assertThat(handler).as(id + " Handler").matches("[\\w.$]+(::\\w+)?");
        int sep = handler.indexOf("::");
        String className = sep < 0 ? handler : handler.substring(0, sep);
        String methodName = sep < 0 ? null : handler.substring(sep + 2);
        assertThat(a.entryNames()).as("%s: %s in %s", id, className, a.jar())
                .contains(className.replace('.', '/') + ".class");
        // Only the jar (and the JDK) on the class path, as in Lambda: the class must link from the jar alone.
        try (URLClassLoader loader = new URLClassLoader(new URL[]{a.jar().toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> type = Class.forName(className, false, loader);
            assertThat(Modifier.isAbstract(type.getModifiers())).as("%s is concrete", className).isFalse();
            type.getConstructor(); // the runtime instantiates it with the no-arg constructor
            Class<?> requestHandler = loader.loadClass("com.amazonaws.services.lambda.runtime.RequestHandler");
            Class<?> streamHandler = loader.loadClass("com.amazonaws.services.lambda.runtime.RequestStreamHandler");
            assertThat(requestHandler.isAssignableFrom(type) || streamHandler.isAssignableFrom(type))
                    .as("%s implements RequestHandler or RequestStreamHandler", className).isTrue();
            if (streamHandler.isAssignableFrom(type)) {
                return;
            }
            // micronaut-aws #2000: named Class::handleRequest, a MicronautRequestHandler fails every call, since
            // the runtime then reads the input type from the method, declared with the type variable I.
            Class<?> micronautHandler = loadOrNull(loader, "io.micronaut.function.aws.MicronautRequestHandler");
            if (micronautHandler != null && micronautHandler.isAssignableFrom(type)) {
                assertThat(methodName).as("%s: a MicronautRequestHandler is named by class alone", id).isNull();
            }
            Type input = methodName == null
                    ? RuntimeTypes.requestHandlerInput(type, requestHandler)
                    : RuntimeTypes.methodInput(type, methodName);
            assertThat(input).as("%s: the input type the runtime resolves for %s", id, handler)
                    .matches(t -> t instanceof Class<?> || t instanceof ParameterizedType, "a Class or ParameterizedType");
        }
    }

    static Class<?> loadOrNull(ClassLoader loader, String name) {
        try {
            return loader.loadClass(name);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /**
     * A jar that leaves classes out (the API jar drops jobs-only core code, both jars the parts of the DynamoDB
     * Enhanced Client nothing reaches) must not leave out one its own classes refer to: jdeps lists every
     * class-to-class reference of the jar's {@code cn.lyg.xilian} classes and of the Enhanced Client's.
     */
    void ownClassesClosed(String id, Map<String, Object> props) throws Exception {
        FunctionArtifact a = built(id, props);
        java.util.Set<String> present = new java.util.HashSet<>();
        a.entryNames().stream().filter(n -> n.endsWith(".class") && OWN.matcher(n.replace('/', '.')).lookingAt())
                .forEach(n -> present.add(n.substring(0, n.length() - 6).replace('/', '.')));
        java.io.StringWriter out = new java.io.StringWriter();
        int rc = java.util.spi.ToolProvider.findFirst("jdeps").orElseThrow().run(new java.io.PrintWriter(out),
                new java.io.PrintWriter(new java.io.StringWriter()), "-verbose:class", "-filter:none",
                "--multi-release", "21", "--ignore-missing-deps", "-e", OWN.pattern() + ".*", a.jar().toString());
        assertThat(rc).as("jdeps on %s", a.jar()).isZero();
        List<String> missing = out.toString().lines().filter(l -> l.contains("->"))
                .map(l -> l.trim().split("\\s+"))
                .filter(f -> f.length >= 3 && OWN.matcher(f[0]).lookingAt() && OWN.matcher(f[2]).lookingAt()
                        && !present.contains(f[2]))
                .map(f -> f[0] + " -> " + f[2]).distinct().toList();
        assertThat(missing).as("%s: references to classes left out of the jar", a.jar()).isEmpty();
    }

    void artifactIsLean(String id, Map<String, Object> props) throws Exception {
        FunctionArtifact a = built(id, props);
        String codeUri = (String) props.get("CodeUri");
        assertThat(MAX_JAR_BYTES).as("size budget of %s", codeUri).containsKey(codeUri);
        assertThat(Files.size(a.jar())).as("%s size", a.jar()).isLessThanOrEqualTo(MAX_JAR_BYTES.get(codeUri));
        // The SDK's default HTTP clients (excluded in adapter-dynamodb) and the Netty server must not ship:
        // url-connection-client is the only HTTP client, the API proxy needs no server.
        assertThat(a.entryNames()).as("%s entries", a.jar())
                .noneMatch(n -> n.startsWith("io/netty/") || n.startsWith("org/apache/hc/")
                        || n.startsWith("software/amazon/awssdk/http/apache") || n.startsWith("software/amazon/awssdk/http/nio/")
                        || n.startsWith("io/micronaut/http/server/netty/"))
                .contains("software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class");
    }

    /** The operators' tools (functions/tools: the importer and the command-line entry points) are in no function. */
    void noOperatorTools(String id, Map<String, Object> props) throws Exception {
        FunctionArtifact a = built(id, props);
        Set<String> commands = Set.of("ImportPlanCommand", "CredentialsCommand", "RunJobCommand", "LoadPlanCommand",
                "PlanImporter");
        assertThat(a.entryNames()).as("%s entries", a.jar())
                .noneMatch(n -> n.startsWith("cn/lyg/xilian/tools/") || n.contains("/importer/")
                        || commands.contains(n.replaceAll("^.*/|\\$.*$|\\.class$", "")))
                .contains("cn/lyg/xilian/wiring/CatalogJson.class"); // the catalog itself stays
    }

    /**
     * The Lambda Java runtime looks up {@code CustomPojoSerializer} with ServiceLoader in the function's class
     * loader and refuses to run with more than one; the shade plugin merges service files, so two modules
     * each bringing one would only fail in AWS. The one listed must be in the jar.
     */
    void oneCustomSerializer(String id, Map<String, Object> props) throws Exception {
        FunctionArtifact a = built(id, props);
        List<String> providers = a.entry("META-INF/services/com.amazonaws.services.lambda.runtime.CustomPojoSerializer")
                .map(text -> text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList())
                .orElse(List.of());
        assertThat(providers).as("%s: CustomPojoSerializer providers", a.jar()).hasSizeLessThanOrEqualTo(1);
        for (String provider : providers) {
            assertThat(a.entryNames()).contains(provider.replace('.', '/') + ".class");
        }
    }

    void configurationIsSet(String id, Map<String, Object> props) throws Exception {
        FunctionArtifact a = built(id, props);
        String yml = a.entry("application.yml").orElseThrow(() -> new AssertionError(a.jar() + " has no application.yml"));
        Set<String> required = new TreeSet<>();
        for (String line : yml.lines().filter(l -> !l.strip().startsWith("#")).toList()) {
            Matcher m = PLACEHOLDER.matcher(line);
            while (m.find()) {
                if (m.group(2) == null) {
                    // Micronaut maps env var FOO_BAR to foo.bar; a placeholder named like a property needs that var.
                    required.add(m.group(1).strip().toUpperCase().replace('.', '_').replace('-', '_'));
                }
            }
        }
        Set<String> set = new HashSet<>(Template.get().globalFunctionEnvironment().keySet());
        set.addAll(Template.map(Template.map(props, "Environment"), "Variables").keySet());
        set.addAll(LAMBDA_RESERVED);
        assertThat(set).as("%s: environment variables for the placeholders without default in application.yml %s",
                id, required).containsAll(required);
    }

    /**
     * Least privilege: the function's policy grants exactly the calls its code declares (aws-calls.txt, kept
     * honest by the function's own tests recording real calls) plus what its event sources need (stream
     * reads, the on-failure queue), on this stack's resources only.
     */
    void policyMatchesCalls(String id, Map<String, Object> props) throws Exception {
        // Once per mail transport: the policy grants what that choice's code calls, and nothing of the other's.
        for (String transport : Template.get().allowedValues("MailTransport")) {
            Map<String, String> parameters = Map.of("MailTransport", transport);
            @SuppressWarnings("unchecked")
            Map<String, Object> deployed = (Map<String, Object>) Template.get().resolve(props, parameters);
            // "when Function=<logical id>": a call only one of the functions sharing a jar makes.
            Map<String, String> conditions = Map.of("MailTransport", transport, "Function", id);
            policyMatchesCalls(id + " with MailTransport=" + transport, deployed, built(id, props).declaredCalls(conditions),
                    built(id, props).codeDir());
        }
    }

    private void policyMatchesCalls(String id, Map<String, Object> props, Set<String> declared, Object codeDir) {
        Set<String> expected = new TreeSet<>(declared);
        for (Object event : Template.map(props, "Events").values()) {
            Map<String, Object> ev = Template.map(Map.of("e", event), "e");
            if ("DynamoDB".equals(ev.get("Type"))) {
                expected.addAll(List.of("dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator",
                        "dynamodb:ListStreams"));
                Map<String, Object> onFailure = Template.map(Template.map(Template.map(ev, "Properties"), "DestinationConfig"), "OnFailure");
                if ("SQS".equals(onFailure.get("Type"))) {
                    expected.add("sqs:SendMessage");
                }
            }
        }
        Set<String> granted = new TreeSet<>();
        for (Object policy : Template.list(props, "Policies")) {
            assertThat(policy).as("%s: inline statements only (SAM policy templates grant more than we can check)", id)
                    .isInstanceOf(Map.class);
            for (Object st : Template.list(policy, "Statement")) {
                Map<String, Object> s = Template.map(Map.of("s", st), "s");
                assertThat(s.get("Effect")).isEqualTo("Allow");
                List<Object> actions = Template.list(s, "Action");
                List<Object> resources = Template.list(s, "Resource");
                assertThat(resources).as("%s %s: resources", id, s.get("Sid")).isNotEmpty()
                        .allSatisfy(r -> assertThat(r).as("no wildcard resource").isNotEqualTo("*"));
                for (Object action : actions) {
                    String act = (String) action;
                    assertThat(act).as("%s: no wildcard action", id).doesNotContain("*");
                    granted.add(act);
                    if (act.startsWith("dynamodb:")) {
                        // Table actions on this stack's table (and its indexes/stream), nothing else.
                        assertThat(resources).as("%s %s on the table", id, act)
                                .allSatisfy(r -> assertThat(r.toString()).contains(TABLE));
                    }
                    if (act.startsWith("kms:")) { // the robots' sealing key only
                        assertThat(resources).as("%s %s", id, act)
                                .allSatisfy(r -> assertThat(r.toString()).contains("ChatSealingKey"));
                    }
                    if (act.startsWith("secretsmanager:")) { // the relay password's secret only
                        assertThat(resources).as("%s %s", id, act).singleElement()
                                .satisfies(r -> assertThat(r.toString()).endsWith(":secret:${SmtpPasswordSecretName}-??????}"));
                    }
                    if (act.startsWith("s3:")) { // the evidence prefix of this stack's bucket only
                        assertThat(resources).as("%s %s", id, act).allSatisfy(r -> assertThat(r.toString())
                                .contains(act.equals("s3:ListBucket") ? "EvidenceBucket" : "${EvidenceBucket.Arn}/evidence/*"));
                        if (act.equals("s3:ListBucket")) {
                            assertThat(String.valueOf(s.get("Condition"))).as("%s %s: prefix condition", id, act)
                                    .contains("s3:prefix").contains("evidence/*");
                        }
                    }
                    if (act.startsWith("ses:")) { // the sender identity only
                        assertThat(resources).as("%s %s", id, act)
                                .allSatisfy(r -> assertThat(r.toString()).contains("identity/${SenderEmail}"));
                    }
                }
            }
        }
        assertThat(granted).as("%s: policy actions vs %s/aws-calls.txt + event sources", id, codeDir)
                .isEqualTo(expected);
    }

    /** SnapStart: a Random kept in a static field is snapshotted and repeats in every restored instance. */
    void noStaticRandom(String id, Map<String, Object> props) throws Exception {
        FunctionArtifact a = built(id, props);
        List<String> offenders = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[]{a.jar().toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (String name : a.entryNames()) {
                if (name.startsWith("cn/lyg/xilian/") && name.endsWith(".class")) {
                    Class<?> c = Class.forName(name.replace('/', '.').replace(".class", ""), false, loader);
                    for (var f : c.getDeclaredFields()) {
                        if (Modifier.isStatic(f.getModifiers())
                                && (java.util.Random.class.isAssignableFrom(f.getType())
                                || java.util.random.RandomGenerator.class.isAssignableFrom(f.getType()))) {
                            offenders.add(c.getName() + "." + f.getName());
                        }
                    }
                }
            }
        }
        assertThat(offenders).as("%s: static random generators", id).isEmpty();
    }

    /**
     * SnapStart on every function's published versions (the {@code live} alias) in both partitions: AWS China offers
     * Java SnapStart too (issue 25), and the priming (SnapStartPriming) is what makes its restore fast.
     */
    /** 群机器人: one rotated key; only the API may encrypt with it, only the jobs may decrypt; aws-cn-safe ARNs. */
    @Test
    void onlyTheApiSealsAndOnlyTheJobsOpenTheRobotsCredentials() throws IOException {
        Template t = Template.get();
        Map<String, Object> key = t.resources("AWS::KMS::Key").get("ChatSealingKey");
        assertThat(key).as("ChatSealingKey").isNotNull();
        assertThat(key.get("EnableKeyRotation")).isEqualTo(true);
        assertThat(String.valueOf(key.get("KeyPolicy")))
                .contains("${AWS::Partition}").doesNotContain("arn:aws:");
        t.resources(FUNCTION).forEach((id, props) -> {
            Set<String> kms = new TreeSet<>();
            for (Object policy : Template.list(props, "Policies")) {
                for (Object st : Template.list(policy, "Statement")) {
                    Template.list(Template.map(Map.of("s", st), "s"), "Action").stream().map(String::valueOf)
                            .filter(a -> a.startsWith("kms:")).forEach(kms::add);
                }
            }
            assertThat(kms).as("%s: KMS actions", id).isEqualTo(id.equals("ApiFunction") ? Set.of("kms:Encrypt")
                    : Set.of("kms:Decrypt"));
        });
        assertThat(Template.map(t.root, "Outputs")).containsKey("ChatSealingKeyArn");
    }

    @Test
    void snapStartIsOnForEveryFunctionInBothPartitions() throws IOException {
        Template t = Template.get();
        Map<String, Object> function = Template.map(Template.map(t.root, "Globals"), "Function");
        for (String partition : List.of("aws", "aws-cn")) {
            Map<String, String> deployed = Map.of("AWS::Partition", partition);
            assertThat(t.resolve(function.get("SnapStart"), deployed)).as("Globals SnapStart in %s", partition)
                    .isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
            assertThat(t.resolve(function.get("AutoPublishAlias"), deployed)).as("published versions in %s", partition)
                    .isEqualTo("live");
            t.resources(FUNCTION).forEach((id, props) -> assertThat(props).as("%s in %s", id, partition)
                    .doesNotContainKeys("SnapStart", "AutoPublishAlias"));
        }
    }

    @Test
    void tableMatchesTheCodesSchema() throws IOException {
        Template t = Template.get();
        assertThat(t.resources("AWS::DynamoDB::Table")).containsOnlyKeys(TABLE);
        Map<String, Object> table = t.resources("AWS::DynamoDB::Table").get(TABLE);
        Map<String, Object> attrs = new LinkedHashMap<>();
        for (Object d : Template.list(table, "AttributeDefinitions")) {
            Map<?, ?> m = (Map<?, ?>) d;
            attrs.put((String) m.get("AttributeName"), m.get("AttributeType"));
        }
        Map<String, Object> expectedAttrs = new LinkedHashMap<>();
        TableDefinition.KEY_ATTRIBUTES.forEach(k -> expectedAttrs.put(k, "S"));
        assertThat(attrs).isEqualTo(expectedAttrs);
        assertThat(keySchema(Template.list(table, "KeySchema"))).containsExactly(TableDefinition.PK, TableDefinition.SK);
        Map<String, List<String>> indexes = new LinkedHashMap<>();
        for (Object g : Template.list(table, "GlobalSecondaryIndexes")) {
            Map<?, ?> m = (Map<?, ?>) g;
            indexes.put((String) m.get("IndexName"), keySchema(Template.list(m, "KeySchema")));
            assertThat(Template.map(m, "Projection").get("ProjectionType")).as("%s projection", m.get("IndexName")).isEqualTo("ALL");
        }
        Map<String, List<String>> expectedIndexes = new LinkedHashMap<>();
        TableDefinition.GLOBAL_SECONDARY_INDEXES.forEach(i -> expectedIndexes.put(i.indexName(), List.of(i.hashKey(), i.rangeKey())));
        assertThat(indexes).isEqualTo(expectedIndexes);
        assertThat(table.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
    }

    /** [hash, range] in that order, whatever order the template lists them. */
    static List<String> keySchema(List<Object> schema) {
        String hash = null;
        String range = null;
        for (Object k : schema) {
            Map<?, ?> m = (Map<?, ?>) k;
            if ("HASH".equals(m.get("KeyType"))) {
                hash = (String) m.get("AttributeName");
            } else if ("RANGE".equals(m.get("KeyType"))) {
                range = (String) m.get("AttributeName");
            }
        }
        return List.of(String.valueOf(hash), String.valueOf(range));
    }

    /**
     * The submission-event function is fed by the table's stream with a filter on new submission items:
     * the stream must be on, and the filter must use the code's sort-key attribute and prefix.
     */
    @Test
    void streamFeedsTheSubmissionFunctionWithTheCodesKeys() throws IOException {
        Template t = Template.get();
        Map<String, Object> table = t.resources("AWS::DynamoDB::Table").get(TABLE);
        List<Map<String, Object>> streamEvents = new ArrayList<>();
        t.resources(FUNCTION).values().forEach(f -> Template.map(f, "Events").values().forEach(ev -> {
            Map<String, Object> e = Template.map(Map.of("e", ev), "e");
            if ("DynamoDB".equals(e.get("Type"))) {
                streamEvents.add(Template.map(e, "Properties"));
            }
        }));
        if (streamEvents.isEmpty()) {
            assertThat(table).as("no consumer, no stream").doesNotContainKey("StreamSpecification");
            return;
        }
        // KEYS_ONLY: the consumer re-reads the item (consistent) rather than trusting the stream image.
        assertThat(Template.map(table, "StreamSpecification").get("StreamViewType")).isEqualTo("KEYS_ONLY");
        // The handler's kinds of record: new submissions (alerts), new reviews (the 退回 email), new instructions and
        // extension decisions (the unit's emails), sign-in link requests (the link by email).
        List<String> handled = List.of(Keys.SUBMISSION_PREFIX, Keys.REVIEW_PREFIX, Keys.INSTRUCTION_PREFIX,
                Keys.EXTENSION_PREFIX, Keys.LINK_REQUEST);
        for (Map<String, Object> p : streamEvents) {
            assertThat(p.get("Stream")).isEqualTo(Map.of("Fn::GetAtt", List.of(TABLE, "StreamArn")));
            List<String> prefixes = new ArrayList<>();
            for (Object f : Template.list(Template.map(p, "FilterCriteria"), "Filters")) {
                String pattern = (String) ((Map<?, ?>) f).get("Pattern");
                assertThat(pattern).contains("\"Keys\":{\"" + TableDefinition.SK + "\":");
                handled.stream().filter(h -> pattern.contains("\"prefix\":\"" + h + "\"")).forEach(prefixes::add);
            }
            assertThat(prefixes).as("each filter admits one record kind the handler reads")
                    .containsExactlyInAnyOrderElementsOf(handled);
        }
    }

    @Test
    void schedulesAreValid() throws IOException {
        int seen = 0;
        for (var f : Template.get().resources(FUNCTION).entrySet()) {
            for (var ev : Template.map(f.getValue(), "Events").entrySet()) {
                Map<String, Object> e = Template.map(Map.of("e", ev.getValue()), "e");
                if (!List.of("Schedule", "ScheduleV2").contains(e.get("Type"))) {
                    continue;
                }
                seen++;
                Map<String, Object> p = Template.map(e, "Properties");
                String where = f.getKey() + "." + ev.getKey();
                assertThat(ScheduleExpressions.problem((String) p.get("ScheduleExpression")))
                        .as("%s: %s", where, p.get("ScheduleExpression")).isEmpty();
                Object zone = p.get("ScheduleExpressionTimezone");
                if (zone != null) {
                    assertThat(ZoneId.of((String) zone)).as(where).isNotNull();
                }
            }
        }
        assertThat(seen).as("schedules in the template").isGreaterThan(0);
    }

    /** Physical names block replacement and collide between stacks; every name must be generated. */
    @Test
    void noPhysicalResourceNames() throws IOException {
        List<String> named = new ArrayList<>();
        Template.map(Template.get().root, "Resources").forEach((id, r) -> Template.map(r, "Properties").forEach((k, v) -> {
            boolean nameProperty = k.endsWith("Name") && !k.equals("AttributeName") && !k.equals("IndexName")
                    && !k.equals("MetricName") && !k.equals("StageName");
            if (nameProperty && v instanceof String) {
                named.add(id + "." + k + " = " + v);
            }
        }));
        assertThat(named).isEmpty();
    }
}
