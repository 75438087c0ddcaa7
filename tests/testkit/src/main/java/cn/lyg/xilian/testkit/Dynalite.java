package cn.lyg.xilian.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A dynalite server (a DynamoDB stand-in from npm, run by node) on a free local port.
 *
 * <p>One server is shared by every test class of a JVM ({@link #shared()}); tests stay independent by
 * each using a fresh table ({@link #uniqueTableName(String)}). The store is in memory unless a
 * path is given, so nothing survives the JVM. The server is stopped by {@link #close()}, which the
 * JUnit root store calls at the end of the run (JUnit 5.13+ closes AutoCloseable store values) (see {@link DynaliteExtension}) and a shutdown hook
 * calls as a safety net when the run is aborted.
 *
 * <p>cli.js is looked up under {@code infra/local/node_modules/dynalite/} of the repository root:
 * system property {@code xilian.root} (the root pom's surefire configuration sets it), else the first
 * directory above {@code user.dir} that has {@code infra/local}. {@code node} comes from PATH.
 */
public final class Dynalite implements AutoCloseable {

    static final String CLI_RELATIVE = "infra/local/node_modules/dynalite/cli.js";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final int START_ATTEMPTS = 3;
    private static final AtomicInteger TABLE_COUNTER = new AtomicInteger();

    private static Dynalite shared;

    private final Process process;
    private final int port;
    private final Path log;

    private Dynalite(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The JVM-wide server, started on first use. */
    public static synchronized Dynalite shared() {
        if (shared == null || !shared.isRunning()) {
            Dynalite started = start(null);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "dynalite-stop"));
            shared = started;
        }
        return shared;
    }

    /**
     * Starts a new server. {@code storePath} null keeps the data in memory; otherwise dynalite persists
     * it there (LevelDB). Table state changes are immediate: with dynalite's default 500 ms CREATING
     * phase a put right after CreateTable fails.
     */
    public static Dynalite start(Path storePath) {
        Path cli = locateCli();
        IllegalStateException lastFailure = null;
        // A free port found here can be taken by someone else before node binds it: retry on a new one.
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = freePort();
            try {
                return launch(cli, port, storePath);
            } catch (IllegalStateException e) {
                lastFailure = e;
            }
        }
        throw lastFailure;
    }

    private static Dynalite launch(Path cli, int port, Path storePath) {
        List<String> command = new ArrayList<>(List.of("node", cli.toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        if (storePath != null) {
            command.addAll(List.of("--path", storePath.toString()));
        }
        Path log;
        Process process;
        try {
            log = Files.createTempFile("dynalite-" + port + "-", ".log");
            log.toFile().deleteOnExit();
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run `node` (needed for dynalite, Node >= 20): is it on PATH? "
                    + e.getMessage(), e);
        }
        Dynalite dynalite = new Dynalite(process, port, log);
        dynalite.awaitAcceptingConnections();
        return dynalite;
    }

    private void awaitAcceptingConnections() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dynalite exited with code " + process.exitValue()
                        + " before accepting connections on port " + port + ":\n" + logText());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        close();
        throw new IllegalStateException("dynalite did not accept connections on port " + port + " within "
                + START_TIMEOUT.toSeconds() + " s:\n" + logText());
    }

    /** The URI to give the DynamoDB client as endpoint override. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** The node process, for fault tests that freeze it (SIGSTOP) and let it go on (SIGCONT). */
    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /**
     * A table name no other caller in this JVM gets, so every test class can create its own table
     * on the shared server. Only characters DynamoDB accepts in table names are kept.
     */
    public static String uniqueTableName(String hint) {
        String cleaned = hint.replaceAll("[^A-Za-z0-9_.-]", "-").toLowerCase(Locale.ROOT);
        if (cleaned.length() > 180) {
            cleaned = cleaned.substring(0, 180);
        }
        return "test-" + cleaned + "-" + TABLE_COUNTER.incrementAndGet() + "-" + ProcessHandle.current().pid();
    }

    /** Idempotent: the root store and the shutdown hook may both call it. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static Path locateCli() {
        String root = System.getProperty("xilian.root");
        if (root != null && !root.isBlank()) {
            Path cli = Path.of(root).resolve(CLI_RELATIVE);
            if (Files.isRegularFile(cli)) {
                return cli;
            }
            throw missing(Path.of(root));
        }
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("infra/local"))) {
                Path cli = d.resolve(CLI_RELATIVE);
                if (Files.isRegularFile(cli)) {
                    return cli;
                }
                throw missing(d);
            }
        }
        throw new IllegalStateException("Cannot find the repository root (a directory with infra/local) above "
                + dir + "; set the system property xilian.root to the checkout's root.");
    }

    private static IllegalStateException missing(Path root) {
        return new IllegalStateException("dynalite is not installed: " + root.resolve(CLI_RELATIVE)
                + " is missing. Run `npm ci` in " + root.resolve("infra/local") + " (needs Node >= 20).");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        }
    }

    private String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log " + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for dynalite", e);
        }
    }

    @Override
    public String toString() {
        return "Dynalite[" + endpoint() + "]";
    }
}
