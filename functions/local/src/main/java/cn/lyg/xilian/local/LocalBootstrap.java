package cn.lyg.xilian.local;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.access.Tokens;
import cn.lyg.xilian.core.admin.CoordinatorAccount;
import cn.lyg.xilian.core.admin.UnitDirectory;
import cn.lyg.xilian.core.audit.Actor;
import cn.lyg.xilian.core.audit.AuditAction;
import cn.lyg.xilian.core.audit.AuditEntry;
import cn.lyg.xilian.core.audit.AuditLog;
import cn.lyg.xilian.core.audit.AuditTrail;
import cn.lyg.xilian.core.mail.EmailAddress;
import cn.lyg.xilian.wiring.ContactProperties;
import cn.lyg.xilian.core.calendar.CalendarSource;
import cn.lyg.xilian.wiring.CatalogJson;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.dynamodb.DynamoDbSettings;
import cn.lyg.xilian.dynamodb.TableCreator;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Makes a fresh machine usable on start: creates the table if absent, loads the checked-in catalog (a no-op
 * when unchanged), seeds the directory with infra/local/contacts.yml (a unit edited in 单位与账号管理 keeps its edit)
 * and makes sure the development coordinator account exists (one fixed id, so every start finds the same account).
 * Runs before the HTTP server accepts requests; the sign-in links follow once it is bound ({@link LocalLinks}).
 */
@Singleton
@Requires(env = LocalApplication.ENVIRONMENT)
public class LocalBootstrap implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(LocalBootstrap.class);
    /** The request key the development coordinator's id is derived from, as 单位与账号管理 derives one. */
    static final String DEV_COORDINATOR_KEY = "local-development-coordinator";
    static final String DEV_COORDINATOR_ID = "c-" + Tokens.sha256Hex("coordinator\n" + DEV_COORDINATOR_KEY)
            .substring(0, 10);
    static final String DEV_COORDINATOR_NAME = "本地开发统筹人员";
    private static final String DEV_COORDINATOR_FALLBACK_EMAIL = "coordinator@ndrc.example.cn";

    private final DynamoDbClient client;
    private final DynamoDbSettings dynamoDbSettings;
    private final CatalogRepository catalog;
    private final LocalSettings settings;
    private final CalendarSource calendars;
    private final Clock clock;
    private final UnitDirectory directory;
    private final cn.lyg.xilian.core.admin.Directory directoryStore;
    private final AuditLog audit;
    private final ContactProperties contacts;
    /** The plan this start loaded, for what follows once the server is bound ({@link LocalLinks}). */
    private volatile Plan loaded;

    public LocalBootstrap(DynamoDbClient client, DynamoDbSettings dynamoDbSettings, CatalogRepository catalog,
                          LocalSettings settings, CalendarSource calendars, Clock clock, UnitDirectory directory,
                          AuditLog audit, ContactProperties contacts, cn.lyg.xilian.core.admin.Directory directoryStore) {
        this.directoryStore = directoryStore;
        this.directory = directory;
        this.audit = audit;
        this.contacts = contacts;
        this.calendars = calendars;
        this.clock = clock;
        this.client = client;
        this.dynamoDbSettings = dynamoDbSettings;
        this.catalog = catalog;
        this.settings = settings;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (new TableCreator(client).createIfAbsent(dynamoDbSettings.tableName())) {
            LOG.info("created table {}", dynamoDbSettings.tableName());
        }
        Plan plan = readCatalog(settings.getCatalog());
        CatalogRepository.LoadResult result = catalog.load(plan);
        LOG.info("catalog {} ({} tasks): {} created, {} updated, {} unchanged", plan.year(), plan.tasks().size(),
                result.created(), result.updated(), result.unchanged());
        loaded = plan;
        int seeded = directory.seed();
        LOG.info("directory: {} unit profile(s) seeded from the registry and infra/local/contacts.yml", seeded);
        ensureDevelopmentCoordinator();
        warnIfCalendarMissing();
    }

    /** Created once (on record, by the system); a later start finds it and changes nothing. */
    private void ensureDevelopmentCoordinator() {
        String target = "coordinator:" + DEV_COORDINATOR_ID;
        if (directory.contents().coordinators().stream().anyMatch(c -> c.id().equals(DEV_COORDINATOR_ID))) {
            return;
        }
        String email = contacts.coordinators().stream().map(EmailAddress::normalise).flatMap(java.util.Optional::stream)
                .findFirst().orElse(DEV_COORDINATOR_FALLBACK_EMAIL);
        CoordinatorAccount account = new CoordinatorAccount(DEV_COORDINATOR_ID, DEV_COORDINATOR_NAME, email, true,
                clock.instant(), null);
        audit.record(new AuditEntry(AuditTrail.entryId(AuditAction.COORDINATOR_ADDED, target, DEV_COORDINATOR_KEY),
                clock.instant(), Actor.SYSTEM, AuditAction.COORDINATOR_ADDED, target, null,
                account.describe() + "（本地开发启动）", null, null));
        directoryStore.create(account);
        LOG.info("development coordinator account {} ({})", DEV_COORDINATOR_ID, email);
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

    /** The checked-in plan as this start loaded it (set before the server accepts requests). */
    Plan loadedPlan() {
        return loaded;
    }

    static Plan readCatalog(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return CatalogJson.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalog " + path.toAbsolutePath(), e);
        }
    }
}
