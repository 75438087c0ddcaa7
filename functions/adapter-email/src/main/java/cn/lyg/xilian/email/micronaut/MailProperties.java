package cn.lyg.xilian.email.micronaut;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.nio.file.Path;

/**
 * {@code xilian.mail.*}: who sends, and through what. {@code transport} selects exactly one
 * {@link cn.lyg.xilian.core.mail.MailTransport} bean ({@code outbox} locally and in tests, {@code ses} in
 * AWS, {@code smtp} where SES is not offered, e.g. AWS China): the choice is configuration, not a code branch.
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
    /** A local Secrets Manager API (tests); empty in AWS: the secret ARN's regional endpoint. */
    @Nullable
    private URI secretsEndpoint;

    @Nullable
    public URI getSecretsEndpoint() {
        return secretsEndpoint;
    }

    public void setSecretsEndpoint(@Nullable URI secretsEndpoint) {
        this.secretsEndpoint = secretsEndpoint;
    }

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

    /**
     * {@code xilian.mail.smtp.*}: the relay (AWS China has no SES). The password is never configured in clear in
     * AWS: {@code password-secret} names a Secrets Manager secret (its ARN) read once at start; {@code password}
     * is for local runs and tests.
     */
    @ConfigurationProperties("smtp")
    public static class Smtp {
        private String host = "localhost";
        private int port = 587;
        /** STARTTLS (587) | TLS (465, implicit) | NONE (a local mail catcher only) */
        private String security = "STARTTLS";
        @Nullable
        private String user;
        @Nullable
        private String password;
        @Nullable
        private String passwordSecret;
        private java.time.Duration timeout = java.time.Duration.ofSeconds(15);
        /** Hosts trusted without a CA-signed certificate (tests); empty = the JVM's trust store only. */
        private String sslTrust = "";

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

        public String getSecurity() {
            return security;
        }

        public void setSecurity(String security) {
            this.security = security;
        }

        @Nullable
        public String getUser() {
            return user == null || user.isBlank() ? null : user;
        }

        public void setUser(@Nullable String user) {
            this.user = user;
        }

        @Nullable
        public String getPassword() {
            return password == null || password.isEmpty() ? null : password;
        }

        public void setPassword(@Nullable String password) {
            this.password = password;
        }

        @Nullable
        public String getPasswordSecret() {
            return passwordSecret == null || passwordSecret.isBlank() ? null : passwordSecret;
        }

        public void setPasswordSecret(@Nullable String passwordSecret) {
            this.passwordSecret = passwordSecret;
        }

        public java.time.Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(java.time.Duration timeout) {
            this.timeout = timeout;
        }

        public String getSslTrust() {
            return sslTrust;
        }

        public void setSslTrust(String sslTrust) {
            this.sslTrust = sslTrust;
        }

        @Override
        public String toString() { // never the password
            return "Smtp[" + security + " " + host + ":" + port + ", user " + user + "]";
        }
    }
}
