package cn.lyg.xilian.email;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signed GetSecretValue call against moto's Secrets Manager API (a real server speaking the AWS protocol). */
class SecretReaderTest {

    private static MotoServer moto;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start().orElse(null);
        Assumptions.assumeTrue(moto != null, "moto is not installed: pip install 'moto[server]'");
    }

    @AfterAll
    static void stop() {
        if (moto != null) {
            moto.close();
        }
    }

    private static SecretReader reader() {
        IdentityProvider<AwsCredentialsIdentity> role = software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
                .create(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));
        return new SecretReader("cn-north-1", UrlConnectionHttpClient.create(), role, moto.endpoint());
    }

    @Test
    void readsTheSecretStringOfAChinaPartitionArn() throws Exception {
        String arn = createSecret("xilian/smtp-" + System.nanoTime(), "relay-pa$$word\"with quote");
        assertThat(arn).startsWith("arn:aws-cn:secretsmanager:cn-north-1:");
        assertThat(reader().read(arn)).isEqualTo("relay-pa$$word\"with quote");
        assertThat(reader().read(arn.replaceAll(".*:secret:(.*)-[A-Za-z0-9]{6}$", "$1"))).as("by name")
                .isEqualTo("relay-pa$$word\"with quote");
    }

    @Test
    void aMissingSecretIsAClearErrorThatNamesIt() {
        String arn = "arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:xilian/none-AbCdEf";
        assertThatThrownBy(() -> reader().read(arn)).hasMessageContaining(arn).hasMessageContaining("HTTP 4");
        assertThatThrownBy(() -> reader().read("xilian/no-such-secret")).hasMessageContaining("xilian/no-such-secret").hasMessageContaining("HTTP 4");
        assertThatThrownBy(() -> reader().read("arn:aws-cn:s3:::bucket")).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The Micronaut wiring as the job functions run it with MailTransport=smtp: the password comes from the
     * secret (name, this region) at start, and the relay (GreenMail, implicit TLS, login required) accepts it.
     */
    @Test
    void theSmtpTransportLogsInWithThePasswordFromTheSecret() throws Exception {
        String password = "from-the-secret-" + System.nanoTime();
        String name = "xilian/smtp-" + System.nanoTime();
        createSecret(name, password);
        SmtpMailTransportTest.serverCertificateFor127001();
        com.icegreen.greenmail.util.GreenMail relay = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup(0, "127.0.0.1", "smtps").dynamicPort());
        relay.setUser("noreply@xilian.example.cn", "xilian", password);
        relay.start();
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "secret");
        try (io.micronaut.context.ApplicationContext context = io.micronaut.context.ApplicationContext.run(java.util.Map.of(
                "xilian.mail.transport", "smtp", "xilian.mail.ses.region", "cn-north-1",
                "xilian.mail.secrets-endpoint", moto.endpoint().toString(),
                "xilian.mail.smtp.host", "127.0.0.1", "xilian.mail.smtp.port", relay.getSmtps().getPort(),
                "xilian.mail.smtp.security", "TLS", "xilian.mail.smtp.user", "xilian",
                "xilian.mail.smtp.password-secret", name, "xilian.mail.smtp.ssl-trust", "127.0.0.1"))) {
            cn.lyg.xilian.core.mail.MailTransport transport = context.getBean(cn.lyg.xilian.core.mail.MailTransport.class);
            transport.send(new MimeAlertMailRenderer(Digests.SETTINGS, Digests.CLOCK).render(Digests.sample()));
            assertThat(relay.getReceivedMessages()).hasSize(2);
            assertThat(transport.toString()).doesNotContain(password);
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
            relay.stop();
        }
    }

    /** Creates the secret in moto's cn-north-1 (the test's own setup call, unsigned: moto does not check). */
    private static String createSecret(String name, String value) throws Exception {
        String body = "{\"Name\":\"" + name + "\",\"SecretString\":" + "\"" + value.replace("\"", "\\\"") + "\"}";
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(moto.endpoint())
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "secretsmanager.CreateSecret")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261201/cn-north-1/secretsmanager/aws4_request, SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return created.body().replaceAll(".*\"ARN\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }
}
