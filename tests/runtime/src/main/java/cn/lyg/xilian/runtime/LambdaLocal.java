package cn.lyg.xilian.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code infra/bin/lambda-local}: the API function of template.yaml in the real Lambda Java runtime (emulator +
 * runtime interface client) behind {@link ApiGatewayFront} on http://127.0.0.1:PORT, against the DynamoDB at
 * XILIAN_DYNAMODB_ENDPOINT (the script starts dynalite and loads the plan first, {@link LocalStage}).
 * <pre>LambdaLocal &lt;port&gt;</pre>
 * Function logs go to .local/lambda/logs/ApiFunction.log; one line per request on stdout.
 */
public final class LambdaLocal {

    private LambdaLocal() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args.length > 0 ? args[0] : "8080");
        RuntimeTools tools = RuntimeTools.locate().ensureInstalled();
        SamTemplate template = SamTemplate.read(tools.template());
        Map<String, String> parameters = SamConfig.parameterOverrides(tools.root().resolve(LambdaCli.SAMCONFIG),
                LambdaCli.SAMCONFIG_ENV);
        FunctionSpec fromTemplate = template.function("ApiFunction",
                LambdaCli.localStage(template, "us-east-1", Map.of()).withParameters(parameters));
        Map<String, String> local = new LinkedHashMap<>(LambdaCli.localEndpoints(tools.root(), System.getenv(), fromTemplate));
        String base = "http://127.0.0.1:" + port;
        local.put("PUBLIC_BASE_URL", base); // links in pages point at the front, as they point at the API's URL in AWS
        FunctionSpec spec = fromTemplate.withEnvironment(local);

        Path logs = Files.createDirectories(tools.root().resolve(".local/lambda/logs"));
        try (LambdaEmulator api = LambdaEmulator.builder(spec).tools(tools).logFile(logs.resolve("ApiFunction.log")).start();
             ApiGatewayFront front = ApiGatewayFront.start(ApiGatewayFront.of(api), port, System.out)) {
            System.out.println("ApiFunction (" + spec.handler() + ", " + spec.memoryMb() + " MB, "
                    + spec.timeoutSeconds() + " s) under the Lambda Runtime Interface Emulator; API Gateway front on "
                    + front.baseUrl() + " (the first request starts the runtime: a cold start of a few seconds)");
            System.out.println("function log: " + logs.resolve("ApiFunction.log"));
            System.out.flush();
            new CountDownLatch(1).await(); // until Ctrl-C; the shutdown hooks stop the emulator
        }
    }
}
