package cn.lyg.xilian.email;

import cn.lyg.xilian.core.mail.MailDeliveryException;
import cn.lyg.xilian.core.mail.MailTransport;
import cn.lyg.xilian.core.mail.OutgoingEmail;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.SesClientBuilder;
import software.amazon.awssdk.services.ses.model.RawMessage;
import software.amazon.awssdk.services.ses.model.SendRawEmailRequest;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;

import java.io.ByteArrayInputStream;
import java.net.URI;

/**
 * Sends the finished MIME bytes unchanged through SES v1 {@code SendRawEmail}. The client is built
 * once per transport (per Lambda container) with the small url-connection HTTP client, which keeps
 * cold starts short; the sender is taken from the message's From header.
 */
public final class SesRawMailTransport implements MailTransport, AutoCloseable {

    /**
     * @param region           e.g. "ap-northeast-1"
     * @param endpointOverride null for AWS itself; set for a local SES API (moto, LocalStack)
     */
    public record SesSettings(String region, URI endpointOverride) {
    }

    private final SesClient ses;

    public SesRawMailTransport(SesClient ses) {
        this.ses = ses;
    }

    public static SesRawMailTransport create(SesSettings settings) {
        return create(settings, DefaultCredentialsProvider.builder().build());
    }

    public static SesRawMailTransport create(SesSettings settings, AwsCredentialsProvider credentials) {
        SesClientBuilder builder = SesClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials);
        if (settings.endpointOverride() != null) {
            builder.endpointOverride(settings.endpointOverride());
        }
        return new SesRawMailTransport(builder.build());
    }

    @Override
    public void send(OutgoingEmail email) {
        try {
            ses.sendRawEmail(SendRawEmailRequest.builder()
                    .source(envelopeSender(email))
                    .destinations(email.to())
                    .rawMessage(RawMessage.builder().data(SdkBytes.fromByteArray(email.mime())).build())
                    .build());
        } catch (SdkException e) {
            throw new MailDeliveryException("SES refused " + email.messageId() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The bare address of the From header, given to SES as {@code Source} (the identity the IAM policy names).
     * SES would read it from the MIME itself, but the renderer folds a long encoded From header right after
     * "From:", which LocalStack's SES (a line-based parse) reads as no sender at all.
     */
    static String envelopeSender(OutgoingEmail email) {
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(email.mime()));
            String from = headers.getHeader("From", ",");
            if (from == null) {
                throw new MailDeliveryException("no From header in " + email.messageId(), null);
            }
            return InternetAddress.parseHeader(from, false)[0].getAddress();
        } catch (MessagingException e) {
            throw new MailDeliveryException("unreadable From header in " + email.messageId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        ses.close();
    }
}
