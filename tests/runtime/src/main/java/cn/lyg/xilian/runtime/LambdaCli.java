package cn.lyg.xilian.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code infra/bin/lambda}: runs a function of template.yaml as Lambda does (see {@link LambdaEmulator}).
 * <pre>
 *   infra/bin/lambda spec   &lt;LogicalId&gt;                  the resolved configuration (handler, memory, timeout, environment)
 *   infra/bin/lambda invoke &lt;LogicalId&gt; [event.json|-]   one cold start: the response on stdout, Lambda's figures on stderr
 *   infra/bin/lambda serve  &lt;LogicalId&gt;                  keeps the emulator up and prints its invoke URL
 * options: --param Name=Value (template parameter; defaults: the template's, then infra/sam/samconfig.toml's dev
 *          parameter_overrides), --env NAME=VALUE (after the template's), --resource Id=name,
 *          --region us-east-1, --quiet (no function log on stderr)
 * </pre>
 * Local stand-ins, as the local run has them: the table resources are {@code xilian-local}, DynamoDB is
 * {@code XILIAN_DYNAMODB_ENDPOINT} (default the local run's dynalite, http://127.0.0.1:$XILIAN_DYNALITE_PORT or
 * 8000); mail goes to {@code XILIAN_MAIL_SES_ENDPOINT} when set (an SES API such as LocalStack or moto), else
 * to the local outbox ({@code .local/outbox}).
 */
public final class LambdaCli {

    /** The functions' endpoint settings (application.yml of functions/api and functions/jobs) passed through when set. */
    static final List<String> ENDPOINT_VARIABLES = List.of("XILIAN_DYNAMODB_ENDPOINT", "XILIAN_MAIL_SES_ENDPOINT",
            "XILIAN_MAIL_SMTP_HOST", "XILIAN_MAIL_SMTP_PORT");

    /** Parameters without a default take the values `sam deploy --config-env dev` would (then --param). */
    static final String SAMCONFIG = "infra/sam/samconfig.toml";
    static final String SAMCONFIG_ENV = "dev";

    private LambdaCli() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] argv, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(argv));
        if (args.size() < 2 || !List.of("spec", "invoke", "serve").contains(args.get(0))) {
            err.println("usage: infra/bin/lambda spec|invoke|serve <LogicalFunctionId> [event.json|-] "
                    + "[--param Name=Value] [--env NAME=VALUE] [--resource Id=name] [--region R] [--quiet]");
            return 2;
        }
        String command = args.remove(0);
        String functionId = args.remove(0);
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> resources = new LinkedHashMap<>();
        String region = "us-east-1";
        boolean quiet = false;
        String eventSource = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--param" -> put(params, args.get(++i));
                case "--env" -> put(env, args.get(++i));
                case "--resource" -> put(resources, args.get(++i));
                case "--region" -> region = args.get(++i);
                case "--quiet" -> quiet = true;
                default -> {
                    if (eventSource != null) {
                        err.println("unexpected argument " + a);
                        return 2;
                    }
                    eventSource = a;
                }
            }
        }
        RuntimeTools tools = RuntimeTools.locate();
        SamTemplate template = SamTemplate.read(tools.template());
        Map<String, String> parameters = new LinkedHashMap<>(SamConfig.parameterOverrides(
                tools.root().resolve(SAMCONFIG), SAMCONFIG_ENV));
        parameters.putAll(params);
        FunctionSpec fromTemplate = template.function(functionId,
                localStage(template, region, resources).withParameters(parameters));
        FunctionSpec spec = fromTemplate
                .withEnvironment(localEndpoints(tools.root(), System.getenv(), fromTemplate))
                .withEnvironment(env);
        if (command.equals("spec")) {
            describe(spec, out);
            return 0;
        }
        tools.ensureInstalled();
        Path logs = Files.createDirectories(tools.root().resolve(".local/lambda/logs"));
        LambdaEmulator.Builder builder = LambdaEmulator.builder(spec).tools(tools).region(region)
                .logFile(logs.resolve(functionId + ".log"));
        if (!quiet) {
            builder.echo(err);
        }
        if (command.equals("serve")) {
            try (LambdaEmulator emulator = builder.start()) {
                out.println(functionId + " (" + spec.handler() + ") under the Lambda Runtime Interface Emulator;"
                        + " invoke with:\n  curl -s -XPOST " + emulator.invokeUri() + " -d @event.json");
                out.flush();
                new CountDownLatch(1).await(); // until Ctrl-C (the shutdown hook stops the emulator)
            }
            return 0;
        }
        String event = eventSource == null ? "{}" : eventSource.equals("-")
                ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(Path.of(eventSource), StandardCharsets.UTF_8);
        try (LambdaEmulator emulator = builder.start()) {
            Invocation invocation = emulator.invoke(event);
            out.println(invocation.response());
            err.printf(Locale.ROOT, "%s: Init Duration %.0f ms, Duration %.0f ms%s%n", functionId,
                    invocation.initDurationMs() == null ? 0 : invocation.initDurationMs(),
                    invocation.durationMs() == null ? 0 : invocation.durationMs(),
                    invocation.functionError() ? " (function error)" : "");
            return invocation.functionError() ? 1 : 0;
        }
    }

    /** Every table is the local run's {@code xilian-local}; HTTP APIs are "local" (used only in URLs). */
    static SamTemplate.Stage localStage(SamTemplate template, String region, Map<String, String> resources) {
        Map<String, String> names = new LinkedHashMap<>();
        template.resourceIds("AWS::DynamoDB::Table").forEach(id -> names.put(id, "xilian-local"));
        template.resourceIds("AWS::Serverless::HttpApi").forEach(id -> names.put(id, "local"));
        // No bucket here unless the caller names one (e.g. an S3 endpoint of its own): without EVIDENCE_BUCKET the
        // function has no evidence store and its evidence endpoints say so (503), the rest works.
        template.resourceIds("AWS::S3::Bucket").forEach(id -> names.put(id, ""));
        // No KMS key (CHAT_KMS_KEY_ID empty): the group robots' sealer is the local key file, if one is given.
        template.resourceIds("AWS::KMS::Key").forEach(id -> names.put(id, ""));
        names.putAll(resources);
        return new SamTemplate.Stage(Map.of(), names, region, "000000000000");
    }

    /**
     * The local services' endpoints: the caller's {@link #ENDPOINT_VARIABLES}, dynalite of the local run by default,
     * and the outbox instead of SES when no SES endpoint is given.
     */
    static Map<String, String> localEndpoints(Path root, Map<String, String> callerEnv, FunctionSpec spec) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("XILIAN_DYNAMODB_ENDPOINT", "http://127.0.0.1:" + callerEnv.getOrDefault("XILIAN_DYNALITE_PORT", "8000"));
        ENDPOINT_VARIABLES.forEach(v -> {
            if (callerEnv.get(v) != null && !callerEnv.get(v).isBlank()) {
                env.put(v, callerEnv.get(v));
            }
        });
        if ("ses".equals(spec.environment().get("MAIL_TRANSPORT")) && !env.containsKey("XILIAN_MAIL_SES_ENDPOINT")) {
            env.put("MAIL_TRANSPORT", "outbox");
            env.put("MAIL_OUTBOX_DIR", root.resolve(callerEnv.getOrDefault("XILIAN_DATA", ".local"))
                    .resolve("outbox").toString());
        }
        return env;
    }

    private static void describe(FunctionSpec spec, PrintStream out) {
        out.println("function:  " + spec.logicalId());
        out.println("handler:   " + spec.handler());
        out.println("runtime:   " + spec.runtime());
        out.println("jar:       " + spec.jar());
        out.println("memory:    " + spec.memoryMb() + " MB  (JVM: "
                + String.join(" ", LambdaEmulator.launcherFlags(spec.memoryMb())) + ")");
        out.println("timeout:   " + spec.timeoutSeconds() + " s");
        out.println("log format: " + spec.logFormat());
        out.println("environment:");
        spec.environment().forEach((k, v) -> out.println("  " + k + "=" + v));
    }

    private static void put(Map<String, String> into, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("expected NAME=VALUE, got " + assignment);
        }
        into.put(assignment.substring(0, eq), assignment.substring(eq + 1));
    }
}
