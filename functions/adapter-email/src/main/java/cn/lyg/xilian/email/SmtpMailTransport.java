package cn.lyg.xilian.email;

import cn.lyg.xilian.core.port.MailDeliveryException;
import cn.lyg.xilian.core.port.MailTransport;
import cn.lyg.xilian.core.port.OutgoingEmail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.util.Properties;

/**
 * Optional local transport to an SMTP server (e.g. a developer's mail catcher), without
 * authentication. The parsed message is sent with {@code Transport#sendMessage}, which, unlike
 * {@code Transport.send}, does not call saveChanges: the bytes, Message-ID included, stay as built.
 */
public final class SmtpMailTransport implements MailTransport {

    private final Session session;

    public SmtpMailTransport(String host, int port) {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        this.session = Session.getInstance(props);
    }

    @Override
    public void send(OutgoingEmail email) {
        try (Transport transport = session.getTransport("smtp")) {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(email.mime()));
            Address[] recipients = InternetAddress.parse(String.join(",", email.to()));
            transport.connect();
            transport.sendMessage(message, recipients);
        } catch (MessagingException e) {
            throw new MailDeliveryException("SMTP refused " + email.messageId() + ": " + e.getMessage(), e);
        }
    }
}
