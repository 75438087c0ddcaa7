package cn.lyg.xilian.deploy;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One function of template.yaml as Lambda runs it: its jar (from its Makefile, as `sam build` ships it)
 * with the Lambda Java runtime interface client under the Runtime Interface Emulator, with the handler,
 * memory, timeout and environment (Globals + the function's, intrinsics resolved against the stack)
 * read from the template; only the local endpoints and test credentials are added.
 *
 * <p>The emulator is taken from {@code .local/bin/aws-lambda-rie}, installed there with {@code go install}
 * (Go module proxy) on first use. The runtime client jars come from this module's test class path.
 */
final class EmulatedFunction implements AutoCloseable {

    static final String RIE_MODULE =
            "github.com/aws/aws-lambda-runtime-interface-emulator/cmd/aws-lambda-rie@v0.0.0-20261030222936-bef5c4ba774d";
    private static final Pattern SUB = Pattern.compile("\\$\\{([A-Za-z0-9:]+)(?:\\.([A-Za-z0-9]+))?}");

    final String logicalId;
    final String handler;
    final int memoryMb;
    final int timeoutSeconds;
    final Map<String, String> environment;
    final Path log;
    private final Process process;
    private final URI invokeUri;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private EmulatedFunction(String logicalId, String handler, int memoryMb, int timeoutSeconds,
                             Map<String, String> environment, Path log, Process process, URI invokeUri) {
        this.logicalId = logicalId;
        this.handler = handler;
        this.memoryMb = memoryMb;
        this.timeoutSeconds = timeoutSeconds;
        this.environment = environment;
        this.log = log;
        this.process = process;
        this.invokeUri = invokeUri;
    }

    /**
     * Starts the emulator for {@code logicalId}. {@code resolved} gives values for Refs to resources and
     * parameters (physical ids, parameter values); {@code added} are the local additions (endpoints,
     * credentials) and the values of variables that name resources set aside (PUBLIC_BASE_URL).
     */
    static EmulatedFunction start(String logicalId, Map<String, String> resolved, Map<String, String> added)
            throws IOException {
        Template template = Template.get();
        Map<String, Object> function = Template.map(template.resource(logicalId), "Properties");
        Map<String, Object> globals = Template.map(Template.map(template.root, "Globals"), "Function");
        String handler = String.valueOf(function.get("Handler"));
        int memory = ((Number) function.getOrDefault("MemorySize", globals.getOrDefault("MemorySize", 128))).intValue();
        int timeout = ((Number) function.getOrDefault("Timeout", globals.getOrDefault("Timeout", 3))).intValue();
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, Object> declared = new LinkedHashMap<>(template.globalFunctionEnvironment());
        declared.putAll(Template.map(Template.map(function, "Environment"), "Variables"));
        for (var e : declared.entrySet()) {
            env.put(e.getKey(), added.containsKey(e.getKey()) ? added.get(e.getKey()) : resolve(e.getValue(), resolved));
        }
        added.forEach(env::putIfAbsent);
        FunctionArtifact artifact = FunctionArtifact.of(logicalId, String.valueOf(function.get("CodeUri")));
        artifact.requireBuilt();

        int rieport = freePort();
        int apiPort = freePort();
        List<String> command = new ArrayList<>(List.of(rie().toString(),
                "--runtime-interface-emulator-address", "127.0.0.1:" + rieport,
                "--runtime-api-address", "127.0.0.1:" + apiPort,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // what the managed java21 runtime does with the function's memory
                "-XX:MaxHeapSize=" + (memory * 85 / 100) + "m", "-XX:+UseSerialGC",
                "-cp", artifact.jar().toAbsolutePath() + File.pathSeparator + runtimeClientClassPath(),
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", handler));
        Path logDir = Path.of("target", "lambda-logs");
        Files.createDirectories(logDir);
        Path log = logDir.resolve(logicalId + "-" + System.nanoTime() + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.environment().put("AWS_LAMBDA_FUNCTION_NAME", logicalId);
        pb.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memory));
        pb.environment().put("AWS_LAMBDA_FUNCTION_TIMEOUT", Integer.toString(timeout));
        pb.environment().put("_HANDLER", handler);
        Process process = pb.start();
        awaitPort(process, rieport, log);
        return new EmulatedFunction(logicalId, handler, memory, timeout, env, log, process,
                URI.create("http://127.0.0.1:" + rieport + "/2015-03-31/functions/function/invocations"));
    }

    /** Invokes the function with {@code eventJson}; a function error comes back as a payload with errorType. */
    StreamPoller.Invocation invoke(String eventJson) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(invokeUri)
                    .timeout(Duration.ofSeconds(timeoutSeconds + 30L))
                    .POST(HttpRequest.BodyPublishers.ofString(eventJson)).build(), HttpResponse.BodyHandlers.ofString());
            String body = r.body();
            boolean error = r.statusCode() != 200 || r.headers().firstValue("X-Amz-Function-Error").isPresent()
                    || body.startsWith("{\"errorMessage\"") || body.contains("\"errorType\"") && body.contains("\"errorMessage\"")
                    && !body.contains("\"batchItemFailures\"");
            return new StreamPoller.Invocation(body, error);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(logicalId + ": invocation failed; log " + log, e);
        }
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    static String resolve(Object value, Map<String, String> known) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            var e = m.entrySet().iterator().next();
            String fn = String.valueOf(e.getKey());
            Object arg = e.getValue();
            switch (fn) {
                case "Ref" -> {
                    return known(known, String.valueOf(arg));
                }
                case "Fn::Join" -> {
                    List<Object> args = (List<Object>) arg;
                    List<String> parts = new ArrayList<>();
                    Object items = args.get(1);
                    if (items instanceof List<?> list) {
                        list.forEach(i -> parts.add(resolve(i, known)));
                    } else {
                        parts.add(resolve(items, known)); // a CommaDelimitedList Ref: already comma-joined
                    }
                    return String.join(String.valueOf(args.get(0)), parts);
                }
                case "Fn::Sub" -> {
                    Matcher matcher = SUB.matcher(String.valueOf(arg));
                    StringBuilder out = new StringBuilder();
                    while (matcher.find()) {
                        String name = matcher.group(2) == null ? matcher.group(1) : matcher.group(1) + "." + matcher.group(2);
                        matcher.appendReplacement(out, Matcher.quoteReplacement(known(known, name)));
                    }
                    matcher.appendTail(out);
                    return out.toString();
                }
                default -> throw new IllegalArgumentException("intrinsic not resolvable here: " + value);
            }
        }
        throw new IllegalArgumentException("not an environment value: " + value);
    }

    private static String known(Map<String, String> known, String name) {
        String v = known.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no value for " + name + " (known: " + known.keySet() + ")");
        }
        return v;
    }

    /** .local/bin/aws-lambda-rie, built from the Go module proxy on first use. */
    static synchronized Path rie() throws IOException {
        Path bin = Template.ROOT.resolve(".local/bin").toAbsolutePath().normalize();
        Path rie = bin.resolve("aws-lambda-rie");
        if (Files.isExecutable(rie)) {
            return rie;
        }
        Files.createDirectories(bin);
        String go = Files.isExecutable(Path.of("/usr/local/go/bin/go")) ? "/usr/local/go/bin/go" : "go";
        ProcessBuilder pb = new ProcessBuilder(go, "install", RIE_MODULE).inheritIO();
        pb.environment().put("GOBIN", bin.toString());
        pb.environment().putIfAbsent("GOFLAGS", "-mod=mod");
        try {
            int exit = pb.start().waitFor();
            if (exit != 0 || !Files.isExecutable(rie)) {
                throw new IOException("go install " + RIE_MODULE + " failed (exit " + exit + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return rie;
    }

    private static String runtimeClientClassPath() {
        List<String> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("aws-lambda-java-runtime-interface-client-") || name.startsWith("aws-lambda-java-serialization-")
                    || name.startsWith("aws-lambda-java-core-")) {
                jars.add(entry);
            }
        }
        if (jars.size() < 2) {
            throw new IllegalStateException("runtime interface client jars not on the test class path");
        }
        return String.join(File.pathSeparator, jars);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitPort(Process process, int port, Path log) throws IOException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("emulator exited: " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }
        throw new IOException("emulator did not listen on " + port);
    }
}
