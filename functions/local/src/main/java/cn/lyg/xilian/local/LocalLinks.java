package cn.lyg.xilian.local;

import cn.lyg.xilian.core.access.CredentialCheck;
import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.web.WebSettings;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Once the server is bound: the local run's address, then its file of development sign-in links (one per unit and
 * one for the coordinators). Started on a random port ({@code micronaut.server.port} -1 or 0: tests, benchmarks),
 * the port is known only now; it replaces the configured one, so that {@code xilian.base-url}
 * ({@code http://localhost:${micronaut.server.port}}) names the bound port in every bean made from here on: the
 * links, the pages' settings and the emails the local stream stand-in sends. (Before, they said
 * {@code http://localhost:-1}, which the email settings refuse: the stand-in failed at its first event.)
 */
@Singleton
@Requires(env = LocalApplication.ENVIRONMENT)
public class LocalLinks implements ApplicationEventListener<ServerStartupEvent> {

    static final String PORT = "micronaut.server.port";
    private static final Logger LOG = LoggerFactory.getLogger(LocalLinks.class);
    private static final Duration DEV_CREDENTIAL_VALIDITY = Duration.ofDays(365);

    private final Environment environment;
    private final Credentials credentials;
    private final LocalSettings settings;
    private final LocalBootstrap bootstrap;
    private final BeanProvider<WebSettings> webSettings;

    public LocalLinks(Environment environment, Credentials credentials, LocalSettings settings,
                      LocalBootstrap bootstrap, BeanProvider<WebSettings> webSettings) {
        this.environment = environment;
        this.credentials = credentials;
        this.settings = settings;
        this.bootstrap = bootstrap;
        this.webSettings = webSettings;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        int configured = environment.getProperty(PORT, Integer.class).orElse(8080);
        if (configured <= 0) {
            environment.addPropertySource(PropertySource.of("local-bound-port",
                    Map.of(PORT, event.getSource().getPort()), Integer.MAX_VALUE));
        }
        Path file = settings.devCredentialsFile();
        String base = webSettings.get().getPublicBaseUrl().replaceAll("/+$", "");
        if (!devCredentialsStillValid(file, base)) {
            writeDevCredentials(bootstrap.loadedPlan(), file, base);
        } else {
            restrictToOwner(file); // a file written by an older version may be world-readable
        }
        LOG.info("development sign-in links: {}", file.toAbsolutePath());
    }

    /**
     * The file is reused across restarts (the data survives them) while every link in it points at this
     * address and still signs in.
     */
    private boolean devCredentialsStillValid(Path file, String base) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        List<String> links;
        try {
            links = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains("/login?token="))
                    .toList();
        } catch (IOException e) {
            return false;
        }
        String prefix = base + "/login?token=";
        return !links.isEmpty() && links.stream().allMatch(line -> {
            int at = line.indexOf(prefix);
            return at >= 0 && credentials.authenticate(URLDecoder.decode(
                    line.substring(at + prefix.length()).strip(), StandardCharsets.UTF_8))
                    instanceof CredentialCheck.Valid;
        });
    }

    private void writeDevCredentials(Plan plan, Path file, String base) {
        List<String> lines = new ArrayList<>();
        lines.add("# 本地开发用登录链接（仅限本机；重新生成：删除本文件后重启）");
        lines.add("# Development sign-in links for the local run only. Delete this file and restart to re-issue.");
        // the development coordinator account's own link (LocalBootstrap creates the account)
        lines.add("市发改委（协调员，查看全部） " + link(base, credentials.issue(Role.COORDINATOR, null,
                LocalBootstrap.DEV_COORDINATOR_ID, DEV_CREDENTIAL_VALIDITY, cn.lyg.xilian.core.access.Tokens.newToken())
                .token()));
        for (Unit unit : plan.units()) {
            lines.add(unit.name() + " (" + unit.id() + ") "
                    + link(base, credentials.issue(Role.UNIT, unit.id(), DEV_CREDENTIAL_VALIDITY).token()));
        }
        try {
            Files.createDirectories(file.getParent());
            // Owner-only from the first byte: the file holds the coordinators' link (sees every unit).
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.toAbsolutePath(), e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict " + file.toAbsolutePath(), e);
        }
    }

    private static String link(String base, String token) {
        return base + "/login?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
