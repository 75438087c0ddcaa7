package cn.lyg.xilian.local;

import cn.lyg.xilian.core.PlanTime;
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
 * Makes a fresh machine usable on start: creates the table if absent and loads the checked-in catalog (a no-op
 * when unchanged). Runs before the HTTP server accepts requests; the sign-in links follow once it is bound
 * ({@link LocalLinks}).
 */
@Singleton
@Requires(env = LocalApplication.ENVIRONMENT)
public class LocalBootstrap implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(LocalBootstrap.class);

    private final DynamoDbClient client;
    private final DynamoDbSettings dynamoDbSettings;
    private final CatalogRepository catalog;
    private final LocalSettings settings;
    private final CalendarSource calendars;
    private final Clock clock;
    /** The plan this start loaded, for what follows once the server is bound ({@link LocalLinks}). */
    private volatile Plan loaded;

    public LocalBootstrap(DynamoDbClient client, DynamoDbSettings dynamoDbSettings, CatalogRepository catalog,
                          LocalSettings settings, CalendarSource calendars, Clock clock) {
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
