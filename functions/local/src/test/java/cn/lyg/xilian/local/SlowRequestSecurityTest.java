package cn.lyg.xilian.local;

import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 (low finding): a body trickled at a byte every 10 s held its connection indefinitely (only connections
 * idle both ways close, after 30 s). {@link SlowRequestGuard} cuts a request that arrives slower than the minimum
 * rate while the server waits for it, and leaves uploads at real speeds alone, also when the server is the slow side.
 * With a short window (1 s) the cut comes within seconds; the local idle timeouts (30 s) stay as configured, so only
 * the guard can be what closes the connection.
 */
@ExtendWith(DynaliteExtension.class)
class SlowRequestSecurityTest {

    private static final String SINK = "/test-only/upload-sink";
    private static Dynalite dynalite;

    @BeforeAll
    static void server(Dynalite server) {
        dynalite = server;
    }

    private static LocalRun start(String name, Map<String, Object> guard) throws IOException {
        Map<String, Object> p = new java.util.HashMap<>(guard);
        p.put("test.upload-sink", true);
        p.put("micronaut.server.max-request-size", 32 * 1024 * 1024);
        return LocalRun.start(dynalite, name, p);
    }

    private static String post(String path, long length) {
        // Connection: close, so that the answer ends with the connection (the test reads it to the end)
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\n"
                + "Connection: close\r\nContent-Length: " + length + "\r\n\r\n";
    }

    /**
     * Sends {@code prefix}, then one byte every 200 ms until the server closes the connection; returns how long
     * that took, or fails after 15 s.
     */
    private static Duration trickleUntilClosed(LocalRun run, String prefix) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", run.server().getPort())) {
            socket.setSoTimeout(200);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(prefix.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();
            while (System.nanoTime() - started < Duration.ofSeconds(15).toNanos()) {
                try {
                    out.write('x');
                    out.flush();
                    if (in.read() < 0) {
                        return Duration.ofNanos(System.nanoTime() - started);
                    }
                    // an answer before the request is complete: read on until the server closes
                } catch (SocketTimeoutException stillOpen) {
                    // the pace of the trickle
                } catch (IOException closed) { // reset, or a broken pipe on the next write
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            }
            throw new AssertionError("the connection stayed open for 15 s of trickling");
        }
    }

    /** A body of {@code length} bytes in chunks with a pause after each; returns the answer's first line and body. */
    private static String upload(LocalRun run, String path, int length, int chunk, long pauseMillis)
            throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", run.server().getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(post(path, length).getBytes(StandardCharsets.US_ASCII));
            byte[] bytes = new byte[chunk];
            Arrays.fill(bytes, (byte) 'a');
            for (int sent = 0; sent < length; sent += chunk) {
                out.write(bytes, 0, Math.min(chunk, length - sent));
                out.flush();
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
            }
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return answer.lines().findFirst().orElse("") + " " + answer.substring(answer.indexOf("\r\n\r\n") + 4);
        }
    }

    @Test
    void aRequestTrickledInIsCutAndRealUploadsAreNot() throws Exception {
        try (LocalRun run = start("slow-short", Map.of("xilian.local.slow-requests.window", "1s",
                "xilian.local.slow-requests.min-bytes-per-second", 200 * 1024))) {
            assertThat(run.server().getApplicationContext().getProperty("micronaut.server.idle-timeout", Duration.class))
                    .hasValue(Duration.ofSeconds(30));
            // the body a byte at a time, and the headers a byte at a time
            assertThat(trickleUntilClosed(run, post("/api/v1/tasks/2.8/progress", 1000))).isLessThan(Duration.ofSeconds(10));
            assertThat(trickleUntilClosed(run, "POST /api/v1/tasks/2.8/progress HTTP/1.1\r\nHost: localhost\r\nX-Slow: "))
                    .isLessThan(Duration.ofSeconds(10));

            // 1.5 MB at about 400 KB/s (twice the minimum) over several windows: read whole
            assertThat(upload(run, SINK, 1_500_000, 40 * 1024, 100)).isEqualTo("HTTP/1.1 200 OK 1500000");
            // a fast client and a consumer slower than the minimum (64 KB every 500 ms, ~128 KB/s): waiting for the
            // server is not the client's fault
            assertThat(upload(run, SINK + "?pauseMillis=500", 640 * 1024, 256 * 1024, 0))
                    .isEqualTo("HTTP/1.1 200 OK " + 640 * 1024);
        }
    }

    @Test
    void aTwentyMegabyteUploadAtLoopbackSpeedPassesTheDefaultGuard() throws Exception {
        try (LocalRun run = start("slow-default", Map.of())) {
            SlowRequestSettings defaults = run.server().getApplicationContext().getBean(SlowRequestSettings.class);
            assertThat(defaults.getMinBytesPerSecond()).isEqualTo(4096);
            assertThat(defaults.getWindow()).isEqualTo(Duration.ofSeconds(15));
            assertThat(upload(run, SINK, 20 * 1024 * 1024, 64 * 1024, 0)).isEqualTo("HTTP/1.1 200 OK " + 20 * 1024 * 1024);
        }
    }
}
