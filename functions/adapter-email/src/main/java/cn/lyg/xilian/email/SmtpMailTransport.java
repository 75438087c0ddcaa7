package cn.lyg.xilian.email;

import cn.lyg.xilian.core.mail.MailDeliveryException;
import cn.lyg.xilian.core.mail.MailTransport;
import cn.lyg.xilian.core.mail.OutgoingEmail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * Sends through an SMTP relay: where SES is not offered (AWS China), the mail provider's submission server.
 * The parsed message goes out with {@code Transport#sendMessage}, which, unlike {@code Transport.send}, does not
 * call saveChanges: the bytes, Message-ID included, stay as built.
 *
 * <p>{@link Security#STARTTLS} (port 587) requires the upgrade: a server that does not offer it is refused, so
 * the password never crosses in clear. {@link Security#TLS} (port 465) is TLS from the first byte. Both check the
 * server's certificate and host name. {@link Security#NONE} is for a local mail catcher only. Connect, read and
 * write are bounded, so a stalled relay fails the send in bounded time and the mail stays pending.
 */
public final class SmtpMailTransport implements MailTransport {

    public enum Security { STARTTLS, TLS, NONE }

    /**
     * @param user     null for a relay without authentication
     * @param password resolved at start (Secrets Manager in AWS); never printed ({@link #toString()})
     * @param sslTrust hosts trusted without a CA-signed certificate ("" = the JVM's trust store only)
     */
    public record SmtpSettings(String host, int port, Security security, String user, String password,
                               Duration timeout, String sslTrust) {
        public SmtpSettings {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(security, "security");
            Objects.requireNonNull(timeout, "timeout");
            if (user != null && (password == null || password.isEmpty())) {
                throw new IllegalArgumentException("an SMTP user needs a password");
            }
            if (user != null && security == Security.NONE) {
                throw new IllegalArgumentException("no password over an unencrypted SMTP connection: use STARTTLS or TLS");
            }
        }

        @Override
        public String toString() {
            return "SmtpSettings[" + security + " " + host + ":" + port + (user == null ? "" : ", user " + user + ", password ***") + "]";
        }
    }

    private final SmtpSettings settings;
    private final Session session;
    private final String protocol;

    public SmtpMailTransport(SmtpSettings settings) {
        this.settings = settings;
        this.protocol = settings.security() == Security.TLS ? "smtps" : "smtp";
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put(p + "host", settings.host());
        props.put(p + "port", String.valueOf(settings.port()));
        String millis = String.valueOf(settings.timeout().toMillis());
        props.put(p + "connectiontimeout", millis);
        props.put(p + "timeout", millis);
        props.put(p + "writetimeout", millis);
        props.put(p + "auth", String.valueOf(settings.user() != null));
        if (settings.security() == Security.STARTTLS) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        if (settings.security() != Security.NONE) {
            props.put(p + "ssl.checkserveridentity", "true");
            if (settings.sslTrust() != null && !settings.sslTrust().isBlank()) {
                props.put(p + "ssl.trust", settings.sslTrust());
            }
        }
        this.session = Session.getInstance(props);
    }

    /** A local mail catcher: no authentication, no TLS. */
    public SmtpMailTransport(String host, int port) {
        this(new SmtpSettings(host, port, Security.NONE, null, null, Duration.ofSeconds(10), ""));
    }

    @Override
    public void send(OutgoingEmail email) {
        try (Transport transport = session.getTransport(protocol)) {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(email.mime()));
            Address[] recipients = InternetAddress.parse(String.join(",", email.to()));
            transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
            transport.sendMessage(message, recipients);
        } catch (MessagingException e) {
            // The server's words, never the credentials (jakarta.mail does not put them in messages).
            throw new MailDeliveryException("SMTP " + settings.host() + ":" + settings.port() + " did not accept "
                    + email.messageId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "SmtpMailTransport[" + settings + "]";
    }
}
