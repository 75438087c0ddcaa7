package cn.lyg.xilian.jobs;

import cn.lyg.xilian.core.alert.AlertEvaluator;
import cn.lyg.xilian.core.alert.AlertSettings;
import cn.lyg.xilian.core.alert.RunAlertScan;
import cn.lyg.xilian.core.alert.WorkCalendar;
import cn.lyg.xilian.core.port.AlertMailRenderer;
import cn.lyg.xilian.core.port.AlertRepository;
import cn.lyg.xilian.core.port.CatalogRepository;
import cn.lyg.xilian.core.port.ContactDirectory;
import cn.lyg.xilian.core.port.MailTransport;
import cn.lyg.xilian.core.port.ProgressRepository;
import cn.lyg.xilian.core.wiring.AlertProperties;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The use cases of the jobs functions, built from the ports the adapters provide (DynamoDB: repositories;
 * email: renderer and the one configured transport; this module: contacts from configuration).
 */
@Factory
public class JobsFactory {

    @Singleton
    RunAlertScan runAlertScan(CatalogRepository catalog, ProgressRepository progress, AlertRepository alerts,
                              ContactDirectory contacts, AlertMailRenderer renderer, MailTransport transport,
                              AlertEvaluator evaluator, AlertSettings settings, WorkCalendar calendar,
                              AlertProperties properties, Clock clock) {
        return new RunAlertScan(catalog, progress, alerts, contacts, renderer, transport, evaluator,
                settings, calendar, properties.getCoordinatorCopy(), clock);
    }
}
