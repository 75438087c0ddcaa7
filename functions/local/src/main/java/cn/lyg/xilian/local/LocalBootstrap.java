package cn.lyg.xilian.local;

import cn.lyg.xilian.core.access.CredentialCheck;
import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.calendar.CalendarSource;
import cn.lyg.xilian.wiring.CatalogJson;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.dynamodb.DynamoDbSettings;
import cn.lyg.xilian.dynamodb.TableCreator;
import cn.lyg.xilian.web.WebSettings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a fresh machine usable on start: creates the table if absent, loads the checked-in catalog (a no-op
 * when unchanged) and keeps a file of development sign-in links, one per unit and one for the coordinators.
 * Runs before the HTTP server accepts requests.
 */
@Singleton
@Requires(env = LocalApplication.ENVIRONMENT)
public class LocalBootstrap implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(LocalBootstrap.class);
    private static final Duration DEV_CREDENTIAL_VALIDITY = Duration.ofDays(365);

    private final DynamoDbClient client;
    private final DynamoDbSettings dynamoDbSettings;
    private final CatalogRepository catalog;
    private final Credentials credentials;
    private final LocalSettings settings;
    private final WebSettings webSettings;
    private final CalendarSource calendars;
    private final Clock clock;

    public LocalBootstrap(DynamoDbClient client, DynamoDbSettings dynamoDbSettings, CatalogRepository catalog,
                          Credentials credentials, LocalSettings settings, WebSettings webSettings,
                          CalendarSource calendars, Clock clock) {
        this.calendars = calendars;
        this.clock = clock;
        this.client = client;
        this.dynamoDbSettings = dynamoDbSettings;
        this.catalog = catalog;
        this.credentials = credentials;
        this.settings = settings;
        this.webSettings = webSettings;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (new TableCreator(client).createIfAbsent(dynamoDbSettings.tableName())) {
            LOG.info("created table {}", dynamoDbSettings.tableName());
        }
        Plan plan = readCatalog(settings.getCatalog());
        CatalogRepository.LoadResult loaded = catalog.load(plan);
        LOG.info("catalog {} ({} tasks): {} created, {} updated, {} unchanged", plan.year(), plan.tasks().size(),
                loaded.created(), loaded.updated(), loaded.unchanged());
        Path file = settings.devCredentialsFile();
        String base = webSettings.getPublicBaseUrl().replaceAll("/+$", "");
        if (!devCredentialsStillValid(file, base)) {
            writeDevCredentials(plan, file, base);
        } else {
            restrictToOwner(file); // a file written by an older version may be world-readable
        }
        LOG.info("development sign-in links: {}", file.toAbsolutePath());
        warnIfCalendarMissing();
    }

    /** The start-up output says so while a year's holiday calendar is missing (from 15 November for the next year). */
    private void warnIfCalendarMissing() {
        LocalDate today = LocalDate.now(clock.withZone(PlanTime.ZONE));
        calendars.missing(today).ifPresent(missing -> LOG.warn(
                "WARNING: the {} holiday calendar (the State Council's 放假调休 notice) is not loaded{}: working days are "
                        + "guessed from the statutory holidays, without 调休 make-up days. Load it: "
                        + "XILIAN_DYNAMODB_ENDPOINT=http://127.0.0.1:{} infra/bin/load-calendar <notice.txt> (README \"Holidays\")",
                missing.year(), missing.yearBegun() ? " and the year has begun" : "",
                dynamoDbSettings.endpointOverride().map(java.net.URI::getPort).orElse(8000)));
    }

    static Plan readCatalog(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return CatalogJson.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalog " + path.toAbsolutePath(), e);
        }
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
        lines.add("市发改委（协调员，查看全部） " + link(base, credentials.issue(Role.COORDINATOR, null,
                DEV_CREDENTIAL_VALIDITY).token()));
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
