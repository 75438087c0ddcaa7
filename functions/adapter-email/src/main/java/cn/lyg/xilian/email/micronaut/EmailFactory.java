package cn.lyg.xilian.email.micronaut;

import cn.lyg.xilian.core.alert.AlertMailRenderer;
import cn.lyg.xilian.core.mail.MailTransport;
import cn.lyg.xilian.core.report.SummaryMailRenderer;
import cn.lyg.xilian.email.EmailSettings;
import cn.lyg.xilian.email.HtmlSummaryMailRenderer;
import cn.lyg.xilian.email.MimeAlertMailRenderer;
import cn.lyg.xilian.email.OutboxMailTransport;
import cn.lyg.xilian.email.SecretReader;
import cn.lyg.xilian.email.SesRawMailTransport;
import cn.lyg.xilian.email.SmtpMailTransport;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Micronaut wiring of the email adapter. Exactly one {@link MailTransport} exists per context, chosen by
 * {@code xilian.mail.transport}; the others are never created, so e.g. no SES client (and no region
 * lookup) is built in a local run, and the Lambda's eager start-up builds only what it sends with.
 * The context must provide a {@link Clock}.
 */
@Factory
public class EmailFactory {

    static final String TRANSPORT = "xilian.mail.transport";

    @Singleton
    EmailSettings emailSettings(MailProperties mail, @Property(name = "xilian.base-url") String baseUrl) {
        return new EmailSettings(mail.getSender(), mail.getSenderName(), baseUrl, mail.getMessageIdDomain());
    }

    @Singleton
    AlertMailRenderer alertMailRenderer(EmailSettings settings, Clock clock) {
        return new MimeAlertMailRenderer(settings, clock);
    }

    /** The weekly summary and unit digests; same settings, clock and transports as the alerts. */
    @Singleton
    SummaryMailRenderer summaryMailRenderer(EmailSettings settings, Clock clock) {
        return new HtmlSummaryMailRenderer(settings, clock);
    }

    /** The 退回 notice to a unit. */
    @Singleton
    cn.lyg.xilian.core.supervision.ReturnMailRenderer returnMailRenderer(EmailSettings settings, Clock clock) {
        return new cn.lyg.xilian.email.MimeReturnMailRenderer(settings, clock);
    }

    /** 督办意见 and extension decisions to a unit. */
    @Singleton
    cn.lyg.xilian.core.supervision.SupervisionMailRenderer supervisionMailRenderer(EmailSettings settings, Clock clock) {
        return new cn.lyg.xilian.email.MimeSupervisionMailRenderer(settings, clock);
    }

    /** A sign-in link a unit asked for on the sign-in page. */
    @Singleton
    cn.lyg.xilian.core.access.SignInLinkMailRenderer signInLinkMailRenderer(EmailSettings settings, Clock clock) {
        return new cn.lyg.xilian.email.MimeSignInLinkMailRenderer(settings, clock);
    }

    /** The warning to operations that a year's holiday calendar is missing. */
    @Singleton
    cn.lyg.xilian.core.calendar.MissingCalendarMailRenderer missingCalendarMailRenderer(EmailSettings settings,
                                                                                       Clock clock) {
        return new cn.lyg.xilian.email.MimeMissingCalendarMailRenderer(settings, clock);
    }

    @Singleton
    @Requires(property = TRANSPORT, value = "outbox")
    MailTransport outboxTransport(MailProperties mail, Clock clock) {
        return new OutboxMailTransport(mail.getOutbox().getDir(), clock);
    }

    @Singleton
    @Requires(property = TRANSPORT, value = "ses")
    @Bean(preDestroy = "close")
    SesRawMailTransport sesTransport(MailProperties mail) {
        if (mail.getSes().getRegion() == null) {
            throw new IllegalStateException("xilian.mail.ses.region is required with xilian.mail.transport=ses");
        }
        // One SES client per context (= per Lambda container), credentials from the default chain (the role).
        return SesRawMailTransport.create(new SesRawMailTransport.SesSettings(mail.getSes().getRegion(),
                mail.getSes().getEndpoint()));
    }

    /**
     * The password is resolved here, once per context (= Lambda container, before SnapStart's snapshot only if
     * the context is created eagerly there): from Secrets Manager when {@code password-secret} is set.
     */
    @Singleton
    @Requires(property = TRANSPORT, value = "smtp")
    MailTransport smtpTransport(MailProperties mail, SecretReader secrets) {
        MailProperties.Smtp smtp = mail.getSmtp();
        String password = smtp.getPasswordSecret() != null ? secrets.read(smtp.getPasswordSecret()) : smtp.getPassword();
        return new SmtpMailTransport(new SmtpMailTransport.SmtpSettings(smtp.getHost(), smtp.getPort(),
                SmtpMailTransport.Security.valueOf(smtp.getSecurity().toUpperCase(java.util.Locale.ROOT)),
                smtp.getUser(), password, smtp.getTimeout(), smtp.getSslTrust()));
    }

    /** Reads a secret's string; only built for the smtp transport. */
    @Singleton
    @Requires(property = TRANSPORT, value = "smtp")
    SecretReader secretReader(MailProperties mail) {
        return SecretReader.create(mail.getSes().getRegion(), mail.getSecretsEndpoint());
    }
}
