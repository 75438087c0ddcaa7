package cn.lyg.xilian.email;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Starts moto's AWS API server on a free port for a test class: {@code moto_server} from the PATH, or
 * else {@code python3 -m moto.server}. Install with {@code pip install 'moto[server]'}.
 */
final class MotoServer implements AutoCloseable {

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Empty when moto is not installed, so the caller can skip rather than fail. */
    static Optional<MotoServer> start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = onPath("moto_server")
                .map(exe -> List.of(exe.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port)))
                .orElse(List.of("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", String.valueOf(port)));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException notInstalled) {
            return Optional.empty();
        }
        MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port));
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return Optional.empty(); // e.g. python3 without moto
            }
            try {
                http.send(HttpRequest.newBuilder(server.endpoint.resolve("/moto-api/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return Optional.of(server);
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        server.close();
        throw new IllegalStateException("moto did not start within 30 s: " + command);
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getProperty("xilian.test.path", System.getenv("PATH"));
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    URI endpoint() {
        return endpoint;
    }

    /** moto's dump of every tracked model instance, including SES's sent raw messages. */
    String modelData() throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
