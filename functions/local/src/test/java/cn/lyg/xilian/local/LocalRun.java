package cn.lyg.xilian.local;

import cn.lyg.xilian.testkit.Dynalite;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The local application as infra/bin/local starts it (environment "local", Netty on localhost, a data folder with
 * the outbox and the sign-in links, the 2026 plan loaded), on a fresh table and a known free port (the links in
 * its emails are built from it).
 */
record LocalRun(EmbeddedServer server, String base, Path data) implements AutoCloseable {

    static LocalRun start(Dynalite dynalite, String name, Map<String, Object> extra) throws IOException {
        Path data = Files.createTempDirectory(name + "-");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, Object> p = new HashMap<>();
        p.put("micronaut.server.port", port);
        p.put("xilian.dynamodb.endpoint", dynalite.endpoint().toString());
        p.put("xilian.dynamodb.table", Dynalite.uniqueTableName(name));
        p.put("xilian.local.data-dir", data.toString());
        p.put("xilian.local.catalog", Path.of(System.getProperty("xilian.root", "../.."))
                .resolve("infra/plans/plan-2026.json").toAbsolutePath().toString());
        p.put("xilian.contacts.coordinators", List.of("coordinator@ndrc.example.cn"));
        p.put("aws.region", "cn-north-1");
        p.putAll(extra);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, p, LocalApplication.ENVIRONMENT);
        return new LocalRun(server, "http://localhost:" + server.getPort(), data);
    }

    /** The sign-in link the local run wrote on the line that contains {@code marker}, pointed at this server. */
    String signInLink(String marker) throws IOException {
        String line = Files.readString(data.resolve("dev-credentials.txt"), StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains(marker) && l.contains("/login?token=")).findFirst().orElseThrow();
        return base + line.substring(line.indexOf("/login?token=")).strip();
    }

    @Override
    public void close() {
        server.close();
    }
}
