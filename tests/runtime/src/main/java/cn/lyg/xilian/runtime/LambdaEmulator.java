package cn.lyg.xilian.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One function in the real Lambda Java runtime: the AWS Lambda Runtime Interface Emulator (RIE) runs
 * {@code java -cp <function jar>:<runtime interface client> AWSLambda <Handler>} in a fresh JVM, configured as
 * Lambda would configure it from template.yaml ({@link FunctionSpec}): handler, environment (with
 * {@code JAVA_TOOL_OPTIONS}), memory (heap limits like the managed runtime's launcher) and timeout (the
 * emulator's {@code AWS_LAMBDA_FUNCTION_TIMEOUT}). Both of the emulator's addresses are bound to 127.0.0.1 on
 * free ports. As in Lambda, the runtime starts (init) on the first invocation; a new emulator is a cold start.
 *
 * <pre>{@code
 * FunctionSpec spec = SamTemplate.read(tools.template()).function("WeeklySummaryFunction", stage)
 *         .withEnvironment(Map.of("XILIAN_DYNAMODB_ENDPOINT", dynalite));
 * try (LambdaEmulator fn = LambdaEmulator.builder(spec).start()) {
 *     Invocation first = fn.invoke("{}");   // first.initDurationMs(), first.durationMs(), first.response()
 * }
 * }</pre>
 * Not thread-safe for concurrent invocations (Lambda gives one instance one event at a time, too).
 */
public final class LambdaEmulator implements AutoCloseable {

    private static final Pattern INIT_REPORT = Pattern.compile("INIT REPORT\\(durationMs: ([0-9.]+)\\)");
    private static final Pattern INVOKE_DONE = Pattern.compile(
            "INVOKE RTDONE\\(status: ([^,]+),.*duration: ([0-9.]+)ms\\)");
    private static final String INVOKE_PATH = "/2015-03-31/functions/function/invocations";

    private final FunctionSpec spec;
    private final Process process;
    private final URI invokeUri;
    private final List<String> lines = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Thread shutdownHook;
    private Path scratch; // the task root this emulator made for itself, removed on close

    private LambdaEmulator(FunctionSpec spec, Process process, URI invokeUri) {
        this.spec = spec;
        this.process = process;
        this.invokeUri = invokeUri;
        this.shutdownHook = new Thread(this::stop, "lambda-emulator-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static Builder builder(FunctionSpec spec) {
        return new Builder(spec);
    }

    /** Options of a start; defaults suit tests (tools from the checkout, region us-east-1, dummy credentials). */
    public static final class Builder {
        private final FunctionSpec spec;
        private RuntimeTools tools;
        private List<Path> code;
        private String region = "us-east-1";
        private final Map<String, String> credentials = new LinkedHashMap<>(Map.of(
                "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local", "AWS_SESSION_TOKEN", "local"));
        private Path workDir;
        private Path logFile;
        private PrintStream echo;
        private String java;

        private Builder(FunctionSpec spec) {
            this.spec = Objects.requireNonNull(spec);
        }

        public Builder tools(RuntimeTools tools) {
            this.tools = tools;
            return this;
        }

        /** Class path of the function instead of {@link FunctionSpec#jar()} (e.g. a floor handler's jar). */
        public Builder code(List<Path> code) {
            this.code = List.copyOf(code);
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** The function's AWS credentials (Lambda passes its role's); default: dummy values for local stand-ins. */
        public Builder credentials(String accessKeyId, String secretAccessKey) {
            credentials.put("AWS_ACCESS_KEY_ID", accessKeyId);
            credentials.put("AWS_SECRET_ACCESS_KEY", secretAccessKey);
            return this;
        }

        /** The runtime's working directory ({@code LAMBDA_TASK_ROOT}); default a new temporary directory. */
        public Builder workDir(Path workDir) {
            this.workDir = workDir;
            return this;
        }

        /** Also write everything the emulator and the function print to this file. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /** Also copy everything the emulator and the function print to this stream (e.g. System.err). */
        public Builder echo(PrintStream echo) {
            this.echo = echo;
            return this;
        }

        /** The java binary; default {@code $JAVA_HOME/bin/java}, else the running JVM's. */
        public Builder java(String java) {
            this.java = java;
            return this;
        }

        public LambdaEmulator start() {
            RuntimeTools t = tools != null ? tools : RuntimeTools.locate().ensureInstalled();
            List<Path> classPath = new ArrayList<>(code != null ? code : List.of(spec.jar()));
            classPath.forEach(p -> {
                if (!Files.exists(p)) {
                    throw new IllegalStateException(p + " is missing: build it first (infra/bin/package)");
                }
            });
            classPath.addAll(t.clientJars());
            try {
                Path dir = workDir != null ? workDir : Files.createTempDirectory("lambda-" + spec.logicalId() + "-");
                Files.createDirectories(dir);
                IllegalStateException last = null;
                for (int attempt = 0; attempt < 3; attempt++) { // a free port can be taken before the emulator binds it
                    try {
                        LambdaEmulator started = launch(t, classPath, dir, freePort(), freePort());
                        started.scratch = workDir == null ? dir : null;
                        return started;
                    } catch (IllegalStateException e) {
                        last = e;
                    }
                }
                throw last;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private LambdaEmulator launch(RuntimeTools t, List<Path> classPath, Path dir, int port, int apiPort)
                throws IOException {
            List<String> command = new ArrayList<>(List.of(t.emulator().toString(),
                    "--runtime-interface-emulator-address", "127.0.0.1:" + port,
                    "--runtime-api-address", "127.0.0.1:" + apiPort,
                    javaBinary()));
            command.addAll(launcherFlags(spec.memoryMb()));
            command.addAll(List.of("-cp", String.join(":", classPath.stream().map(Path::toString).toList()),
                    RuntimeTools.RUNTIME_MAIN, spec.handler()));
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
            env.clear(); // Lambda's environment is its own, not the caller's
            env.putAll(lambdaEnvironment(dir, path));
            env.putAll(spec.environment());
            Process process = pb.start();
            LambdaEmulator emulator = new LambdaEmulator(spec, process,
                    URI.create("http://127.0.0.1:" + port + INVOKE_PATH));
            emulator.pump(logFile, echo);
            emulator.awaitListening(port);
            return emulator;
        }

        /** The variables Lambda sets for every function (reserved ones), plus the emulator's timeout. */
        private Map<String, String> lambdaEnvironment(Path dir, String path) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("PATH", path);
            env.put("LANG", "en_US.UTF-8");
            env.put("TZ", ":UTC");
            env.put("AWS_REGION", region);
            env.put("AWS_DEFAULT_REGION", region);
            env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + (spec.runtime() == null ? "java21" : spec.runtime()));
            env.put("AWS_LAMBDA_FUNCTION_NAME", spec.logicalId());
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
            env.put("AWS_LAMBDA_FUNCTION_TIMEOUT", Integer.toString(spec.timeoutSeconds()));
            env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
            env.put("AWS_LAMBDA_LOG_FORMAT", spec.logFormat());
            env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.logicalId());
            env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local/[$LATEST]emulator");
            env.put("LAMBDA_TASK_ROOT", dir.toString());
            env.put("LAMBDA_RUNTIME_DIR", dir.toString());
            env.putAll(credentials);
            return env;
        }

        private String javaBinary() {
            if (java != null) {
                return java;
            }
            String home = System.getenv("JAVA_HOME");
            if (home == null || home.isBlank()) {
                home = System.getProperty("java.home");
            }
            return Path.of(home, "bin", "java").toString();
        }
    }

    /**
     * Heap and GC as the managed Java runtime's launcher sets them (heap ≈ 85 % of the configured memory,
     * serial GC, class data sharing on), so memory in template.yaml matters here as it does in Lambda. The
     * template's JAVA_TOOL_OPTIONS come on top through the environment, as in Lambda.
     */
    static List<String> launcherFlags(int memoryMb) {
        return List.of("-XX:MaxRAM=" + memoryMb + "m", "-XX:MaxHeapSize=" + (memoryMb * 85L / 100) + "m",
                "-XX:+UseSerialGC", "-Xshare:auto", "-Djava.net.preferIPv4Stack=true");
    }

    public FunctionSpec spec() {
        return spec;
    }

    /** The emulator's invoke URL (POST an event; the answer is the function's response). */
    public URI invokeUri() {
        return invokeUri;
    }

    /**
     * Invokes the function with an event (JSON) and waits for the answer and the emulator's REPORT line.
     * A handler error is not an exception here: see {@link Invocation#functionError()}.
     */
    public Invocation invoke(String eventJson) {
        int from;
        synchronized (lines) {
            from = lines.size();
        }
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(invokeUri)
                            .timeout(Duration.ofSeconds(spec.timeoutSeconds() + 60L))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(eventJson, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(spec.logicalId() + ": the emulator did not answer: " + e.getMessage()
                    + "\n" + String.join("\n", tail(40)), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        List<String> log = awaitReport(from);
        Double init = null;
        Double duration = null;
        String status = null;
        String report = null;
        for (String line : log) {
            Matcher m = INIT_REPORT.matcher(line);
            if (m.find()) {
                init = Double.parseDouble(m.group(1));
            }
            m = INVOKE_DONE.matcher(line);
            if (m.find()) {
                status = m.group(1).strip();
                duration = Double.parseDouble(m.group(2));
            }
            if (line.startsWith("REPORT RequestId:")) {
                report = line;
            }
        }
        String body = answer.body();
        // The emulator answers a timeout with plain text ("Task timed out after 5.00 seconds") and a failed sandbox
        // ("Invoke DONE failed: Sandbox.Failure", e.g. right after a timeout's reset) with no error header; Lambda
        // reports both as function errors (the event source mapping retries or bisects).
        boolean timedOut = log.stream().anyMatch(l -> l.contains("Reset initiated:") || l.contains("Invoke DONE failed"))
                || answer.body().startsWith("Task timed out after");
        boolean error = answer.headers().firstValue("X-Amz-Function-Error").isPresent() || timedOut
                || (status != null && !status.equals("success"))
                || (body.startsWith("{\"errorMessage\"") && body.contains("\"errorType\""));
        return new Invocation(body, error, init, duration, report, log);
    }

    private List<String> awaitReport(int from) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        synchronized (lines) {
            while (true) {
                List<String> since = List.copyOf(lines.subList(from, lines.size()));
                if (since.stream().anyMatch(l -> l.startsWith("REPORT RequestId:"))
                        || !process.isAlive() || System.nanoTime() > deadline) {
                    return since;
                }
                try {
                    lines.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return since;
                }
            }
        }
    }

    /** Everything printed so far by the emulator and the function. */
    public List<String> log() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    private List<String> tail(int n) {
        List<String> all = log();
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    private void pump(Path logFile, PrintStream echo) throws IOException {
        Writer file = logFile == null ? null : Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                    if (echo != null) {
                        echo.println(line);
                    }
                    if (file != null) {
                        file.write(line);
                        file.write('\n');
                        file.flush();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            } finally {
                synchronized (lines) {
                    lines.notifyAll();
                }
                if (file != null) {
                    try {
                        file.close();
                    } catch (IOException ignored) {
                        // nothing to do
                    }
                }
            }
        }, "lambda-emulator-" + spec.logicalId());
        t.setDaemon(true);
        t.start();
    }

    private void awaitListening(int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the emulator exited (" + process.exitValue() + "):\n"
                        + String.join("\n", tail(20)));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        stop();
        throw new IllegalStateException("the emulator did not listen on 127.0.0.1:" + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void stop() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly); // the runtime JVM, should the emulator not have ended it
    }

    @Override
    public void close() {
        stop();
        if (scratch != null) {
            try (var files = Files.walk(scratch)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temporary directory is harmless
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
