package cn.lyg.xilian.email.micronaut;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.nio.file.Path;

/**
 * {@code xilian.mail.*}: who sends, and through what. {@code transport} selects exactly one
 * {@link cn.lyg.xilian.core.port.MailTransport} bean ({@code outbox} locally and in tests, {@code ses} in
 * AWS, {@code smtp} for a developer's mail catcher): the choice is configuration, not a code branch.
 */
@ConfigurationProperties("xilian.mail")
public class MailProperties {

    /** The From address, verified in SES. */
    private String sender = "noreply@xilian.example.cn";
    private String senderName = "锡连帮扶合作进度通";
    /** Right-hand side of Message-IDs. */
    private String messageIdDomain = "xilian.lyg.cn";
    /** outbox | ses | smtp */
    private String transport = "outbox";
    private Outbox outbox = new Outbox();
    private Ses ses = new Ses();
    private Smtp smtp = new Smtp();

    public String getSender() {
        return sender;
    }

    public void setSender(String sender) {
        this.sender = sender;
    }

    public String getSenderName() {
        return senderName;
    }

    public void setSenderName(String senderName) {
        this.senderName = senderName;
    }

    public String getMessageIdDomain() {
        return messageIdDomain;
    }

    public void setMessageIdDomain(String messageIdDomain) {
        this.messageIdDomain = messageIdDomain;
    }

    public String getTransport() {
        return transport;
    }

    public void setTransport(String transport) {
        this.transport = transport;
    }

    public Outbox getOutbox() {
        return outbox;
    }

    public void setOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    public Ses getSes() {
        return ses;
    }

    public void setSes(Ses ses) {
        this.ses = ses;
    }

    public Smtp getSmtp() {
        return smtp;
    }

    public void setSmtp(Smtp smtp) {
        this.smtp = smtp;
    }

    /** {@code xilian.mail.outbox.dir}: the folder the .eml files go to. */
    @ConfigurationProperties("outbox")
    public static class Outbox {
        private Path dir = Path.of("target/outbox");

        public Path getDir() {
            return dir;
        }

        public void setDir(Path dir) {
            this.dir = dir;
        }
    }

    /** {@code xilian.mail.ses.*}: region (required for ses), endpoint (a local SES API, else empty). */
    @ConfigurationProperties("ses")
    public static class Ses {
        @Nullable
        private String region;
        @Nullable
        private URI endpoint;

        @Nullable
        public String getRegion() {
            return region;
        }

        public void setRegion(@Nullable String region) {
            this.region = region;
        }

        @Nullable
        public URI getEndpoint() {
            return endpoint;
        }

        public void setEndpoint(@Nullable URI endpoint) {
            this.endpoint = endpoint;
        }
    }

    /** {@code xilian.mail.smtp.*} */
    @ConfigurationProperties("smtp")
    public static class Smtp {
        private String host = "localhost";
        private int port = 1025;

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }
    }
}
