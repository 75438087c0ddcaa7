package cn.lyg.xilian.jobs;

import cn.lyg.xilian.core.alert.AlertRules;
import cn.lyg.xilian.core.alert.RunAlertScan;
import cn.lyg.xilian.core.alert.AlertMailRenderer;
import cn.lyg.xilian.core.alert.AlertRepository;
import cn.lyg.xilian.core.admin.DirectoryContacts;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.core.chat.ChatChannel;
import cn.lyg.xilian.core.chat.ChatRobots;
import cn.lyg.xilian.core.mail.ContactDirectory;
import cn.lyg.xilian.core.report.DigestRepository;
import cn.lyg.xilian.core.report.LedgerWriter;
import cn.lyg.xilian.core.mail.MailTransport;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.report.SummaryMailRenderer;
import cn.lyg.xilian.core.report.SendWeeklySummary;
import cn.lyg.xilian.wiring.AlertProperties;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The use cases of the jobs functions, built from the ports the adapters provide (DynamoDB: repositories;
 * email: renderers and the one configured transport; ledger: the .xlsx writer; this module: contacts from
 * configuration, seeding the table's). The alert scan and the weekly summary share the transport, the evaluator's settings
 * and the calendar, so a summary's lights say what the day's alerts said.
 */
@Factory
public class JobsFactory {

    /**
     * Contacts from the table (units as 单位与账号管理 keeps them, the coordinator accounts' addresses and the
     * configured ones), read once per invocation: every handler calls {@link DirectoryContacts#refresh()} first.
     */
    @Singleton
    DirectoryContacts contacts(cn.lyg.xilian.core.admin.UnitDirectory units, cn.lyg.xilian.wiring.ContactProperties configured) {
        return new DirectoryContacts(units, configured.coordinators(), configured.operations());
    }

    /**
     * The group robots as 群机器人 configured them, read from the contacts' snapshot (one Query per run for both) and
     * opened with the sealer (KMS in AWS: this function may only decrypt).
     */
    @Singleton
    ChatRobots chatRobots(DirectoryContacts contacts, cn.lyg.xilian.core.chat.SecretSealer sealer) {
        return new cn.lyg.xilian.core.admin.DirectoryRobots(contacts, sealer);
    }

    @Singleton
    RunAlertScan runAlertScan(CatalogRepository catalog, ProgressRepository progress, AlertRepository alerts,
                              ContactDirectory contacts, AlertMailRenderer renderer, MailTransport transport,
                              AlertRules rules,
                              AlertProperties properties, Clock clock, ChatChannel chat) {
        return new RunAlertScan(catalog, progress, alerts, contacts, renderer, transport, rules,
                properties.getCoordinatorCopy(), clock, chat);
    }

    @Singleton
    SendWeeklySummary sendWeeklySummary(CatalogRepository catalog, ProgressRepository progress,
                                        DigestRepository digests, ContactDirectory contacts,
                                        SummaryMailRenderer renderer, MailTransport transport,
                                        @Named("xlsx") LedgerWriter xlsx, AlertRules rules,
                                        @Property(name = "xilian.mail.message-id-domain") String messageIdDomain,
                                        Clock clock, cn.lyg.xilian.core.supervision.SupervisionRecords supervision,
                                        AlertProperties alertProperties,
                                        cn.lyg.xilian.core.admin.UnitDirectory units,
                                        cn.lyg.xilian.core.access.CredentialRepository credentials,
                                        cn.lyg.xilian.core.report.WeeklyBulletin bulletin, ChatChannel chat) {
        return new SendWeeklySummary(catalog, progress, digests, contacts, renderer, transport, xlsx,
                rules, messageIdDomain, clock, supervision,
                alertProperties.getUnreviewedWorkingDays(),
                new cn.lyg.xilian.core.admin.ExpiringSignInLinks(units, credentials), bulletin, chat);
    }

    /** The once-a-year warning to operations that a holiday calendar is missing (run by the daily scan). */
    @Singleton
    cn.lyg.xilian.core.calendar.NotifyMissingCalendar notifyMissingCalendar(
            cn.lyg.xilian.core.calendar.CalendarSource calendars, cn.lyg.xilian.core.calendar.CalendarRepository records,
            ContactDirectory contacts, cn.lyg.xilian.core.calendar.MissingCalendarMailRenderer renderer,
            MailTransport transport, @Property(name = "xilian.mail.message-id-domain") String messageIdDomain,
            Clock clock) {
        return new cn.lyg.xilian.core.calendar.NotifyMissingCalendar(calendars, records, contacts, renderer, transport,
                messageIdDomain, clock);
    }

    /** The 退回 notice (driven by the review item's stream record); same transport as the alerts. */
    @Singleton
    cn.lyg.xilian.core.supervision.NotifyReturned notifyReturned(
            cn.lyg.xilian.core.supervision.ReviewRepository reviews, ProgressRepository progress,
            ContactDirectory contacts, cn.lyg.xilian.core.supervision.ReturnMailRenderer renderer, MailTransport transport,
            Clock clock, cn.lyg.xilian.core.supervision.NoticeMarks marks, ChatChannel chat) {
        return new cn.lyg.xilian.core.supervision.NotifyReturned(reviews, progress, contacts, renderer, transport,
                clock, marks, chat);
    }

    /** 督办意见 and extension decisions to the unit (driven by the stream); same transport as the alerts. */
    @Singleton
    cn.lyg.xilian.core.supervision.NotifySupervision notifySupervision(
            cn.lyg.xilian.core.supervision.InstructionRepository instructions,
            cn.lyg.xilian.core.supervision.ExtensionRepository extensions,
            cn.lyg.xilian.core.supervision.NoticeMarks marks, ContactDirectory contacts,
            cn.lyg.xilian.core.supervision.SupervisionMailRenderer renderer, MailTransport transport, Clock clock) {
        return new cn.lyg.xilian.core.supervision.NotifySupervision(instructions, extensions, marks, contacts, renderer,
                transport, clock);
    }

    /** A sign-in link asked for on the sign-in page, to the unit's registered addresses (driven by the stream). */
    @Singleton
    cn.lyg.xilian.core.access.SendSignInLink sendSignInLink(cn.lyg.xilian.core.access.LinkRequestRepository requests,
                                                           cn.lyg.xilian.core.access.Credentials credentials,
                                                           ContactDirectory contacts,
                                                           cn.lyg.xilian.core.access.RateCounter counter,
                                                           cn.lyg.xilian.core.access.SignInLinkMailRenderer renderer,
                                                           MailTransport transport, Clock clock,
                                                           cn.lyg.xilian.core.admin.Directory directory,
                                                           cn.lyg.xilian.core.audit.AuditLog audit) {
        return new cn.lyg.xilian.core.access.SendSignInLink(requests, credentials, contacts, counter, renderer,
                transport, clock, new cn.lyg.xilian.core.admin.DirectoryLinks(directory, audit));
    }
}
