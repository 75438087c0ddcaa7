package cn.lyg.xilian.testkit;

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

/**
 * moto's AWS API server for the S3 tests: {@code moto_server} from .local/sam-venv (installed by infra/bin/test)
 * or the PATH. Fails the test class when missing: the S3 adapter must be tested against a real S3 API.
 */
public final class MotoS3 implements AutoCloseable {

    final Process process;
    public final URI endpoint;

    private MotoS3(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static MotoS3 start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path venv = Path.of(System.getProperty("xilian.root", "../..")).resolve(".local/sam-venv/bin/moto_server");
        String exe = Files.isExecutable(venv) ? venv.toString() : "moto_server";
        Process process = new ProcessBuilder(List.of(exe, "-H", "127.0.0.1", "-p", String.valueOf(port)))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        MotoS3 server = new MotoS3(process, URI.create("http://127.0.0.1:" + port));
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                http.send(HttpRequest.newBuilder(server.endpoint.resolve("/moto-api/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return server;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("moto_server did not start (" + exe + "); run infra/bin/test once to install it");
    }

    /**
     * A server with one bucket, for a function that signs its S3 requests itself: it signs with the credentials
     * Lambda puts in its environment, in tests the SDK's system properties (set here unless already set).
     */
    public static MotoS3 withBucket(String bucket) throws IOException, InterruptedException {
        System.setProperty("aws.accessKeyId", System.getProperty("aws.accessKeyId", "testing"));
        System.setProperty("aws.secretAccessKey", System.getProperty("aws.secretAccessKey", "testing"));
        MotoS3 moto = start();
        moto.createBucket(bucket);
        return moto;
    }

    /** Creates a bucket (path-style PUT; moto needs no signature for it). */
    public void createBucket(String name) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve("/" + name))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("create bucket " + name + ": " + r.statusCode() + " " + r.body());
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
