package cn.lyg.xilian.local;

import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, findings 3 and 6 (local run): the application listens on 127.0.0.1 only (it listened on every
 * interface), the sign-in links file is owner-only, and a client that stops sending is dropped after the
 * read-idle timeout (30 s in the local configuration). dynalite's address is set by infra/bin/local, which the
 * test command (infra/bin/test) starts and checks the same way from /proc/net/tcp.
 */
@ExtendWith(DynaliteExtension.class)
class LocalExposureSecurityTest {

    private static Dynalite dynalite;

    @BeforeAll
    static void server(Dynalite server) {
        dynalite = server;
    }

    private static Map<String, Object> properties(Path data) {
        Map<String, Object> p = new HashMap<>();
        p.put("micronaut.server.port", -1);
        p.put("xilian.dynamodb.endpoint", dynalite.endpoint().toString());
        p.put("xilian.dynamodb.table", Dynalite.uniqueTableName("exposure"));
        p.put("xilian.local.data-dir", data.toString());
        p.put("xilian.local.catalog", Path.of(System.getProperty("xilian.root", "../.."))
                .resolve("infra/plans/plan-2026.json").toAbsolutePath().toString());
        p.put("aws.region", "cn-north-1");
        return p;
    }

    /** Local addresses of LISTEN sockets on the port, from the kernel's tables (hex, as /proc writes them). */
    static Set<String> listeningAddresses(int port) throws IOException {
        Set<String> out = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            List<String> lines = Files.readAllLines(path); // read once: other processes open sockets meanwhile
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if (f[3].equals("0A") && Integer.parseInt(local[1], 16) == port) {
                    out.add(local[0]);
                }
            }
        }
        return out;
    }

    @Test
    void theAppListensOnLoopbackOnlyAndTheLinksFileIsOwnerOnly(@TempDir Path data) throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(data),
                LocalApplication.ENVIRONMENT)) {
            int port = server.getPort();
            // 127.0.0.1, as IPv4 or as an IPv4-mapped IPv6 socket (Netty's default on a dual-stack machine)
            assertThat(listeningAddresses(port)).as("LISTEN sockets on port %d", port).isNotEmpty()
                    .isSubsetOf("0100007F", "0000000000000000FFFF00000100007F");
            for (InetAddress address : nonLoopbackAddresses()) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(address, port), 1000);
                    throw new AssertionError("reachable on " + address.getHostAddress() + ":" + port);
                } catch (IOException refused) {
                    // expected: nothing listens there
                }
            }
            Path links = data.resolve("dev-credentials.txt");
            assertThat(Files.getPosixFilePermissions(links)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(server.getApplicationContext().getProperty("micronaut.server.read-idle-timeout", Duration.class))
                    .hasValue(Duration.ofSeconds(30));
            assertThat(server.getApplicationContext().getProperty("micronaut.server.idle-timeout", Duration.class))
                    .hasValue(Duration.ofSeconds(30));
        }
    }

    @Test
    void anOlderWorldReadableLinksFileIsRestricted(@TempDir Path data) throws Exception {
        try (EmbeddedServer ignored = ApplicationContext.run(EmbeddedServer.class, properties(data),
                LocalApplication.ENVIRONMENT)) {
            // written
        }
        Path links = data.resolve("dev-credentials.txt");
        Map<String, Object> again = properties(data);
        Files.setPosixFilePermissions(links, PosixFilePermissions.fromString("rw-r--r--"));
        // same table: the links still sign in, so the file is kept, and its mode is fixed
        again.put("xilian.dynamodb.table", properties(data).get("xilian.dynamodb.table"));
        try (EmbeddedServer ignored = ApplicationContext.run(EmbeddedServer.class, again, LocalApplication.ENVIRONMENT)) {
            assertThat(Files.getPosixFilePermissions(links)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void aClientThatStopsSendingIsDropped(@TempDir Path data) throws Exception {
        Map<String, Object> p = properties(data);
        // the mechanism; the local values (30 s) are asserted above
        p.put("micronaut.server.read-idle-timeout", "1s");
        p.put("micronaut.server.idle-timeout", "1s");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, p, LocalApplication.ENVIRONMENT);
             Socket slow = new Socket("127.0.0.1", server.getPort())) {
            OutputStream out = slow.getOutputStream();
            out.write(("POST /api/v1/tasks/2.8/progress HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"status\":").getBytes(StandardCharsets.UTF_8));
            out.flush();
            slow.setSoTimeout(15_000);
            InputStream in = slow.getInputStream();
            long started = System.nanoTime();
            while (in.read() >= 0) {
                // drain whatever the server answers before closing
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("closed by the server, not our timeout")
                    .isLessThan(Duration.ofSeconds(15));
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        return NetworkInterface.networkInterfaces().filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                }).flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).toList();
    }
}
