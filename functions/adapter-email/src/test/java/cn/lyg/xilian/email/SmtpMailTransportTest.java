package cn.lyg.xilian.email;

import cn.lyg.xilian.core.mail.MailDeliveryException;
import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.email.SmtpMailTransport.Security;
import cn.lyg.xilian.email.SmtpMailTransport.SmtpSettings;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SMTP transport against a real SMTP server (GreenMail, started by the test): implicit TLS with a user and
 * password, a plain server refused when STARTTLS is required, a wrong password, and a server that drops the
 * connection — each failure a clear MailDeliveryException in bounded time, never showing the password.
 */
class SmtpMailTransportTest {

    private static final String USER = "xilian";
    private static final String PASSWORD = "s3cret-Relay-Pass";

    static {
        serverCertificateFor127001();
    }

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup[]{
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort()})
            .withConfiguration(com.icegreen.greenmail.configuration.GreenMailConfiguration.aConfig()
                    .withUser(USER, PASSWORD));

    private final OutgoingEmail email = new MimeAlertMailRenderer(Digests.SETTINGS, Digests.CLOCK).render(Digests.sample());

    /**
     * GreenMail's bundled certificate names no host, so the transport's host-name check (on, as in production)
     * refuses it: the server gets a certificate for 127.0.0.1 made here with the JDK's keytool.
     */
    static void serverCertificateFor127001() {
        try {
            java.nio.file.Path store = java.nio.file.Files.createTempDirectory("greenmail-tls").resolve("server.p12");
            Process keytool = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "keytool")
                    .toString(), "-genkeypair", "-alias", "greenmail", "-keyalg", "RSA", "-keysize", "2048",
                    "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                    .redirectErrorStream(true).start();
            String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + out);
            }
            System.setProperty("greenmail.tls.keystore.file", store.toString());
            System.setProperty("greenmail.tls.keystore.password", "changeit");
            System.setProperty("greenmail.tls.key.password", "changeit");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SmtpSettings settings(int port, Security security, String password) {
        // GreenMail's certificate is self-signed: trusted for this host only, as a relay's own CA would be.
        return new SmtpSettings("127.0.0.1", port, security, USER, password, Duration.ofSeconds(5), "127.0.0.1");
    }

    @Test
    void implicitTlsWithAuthenticationDeliversTheSameMessage() throws Exception {
        new SmtpMailTransport(settings(SMTP.getSmtps().getPort(), Security.TLS, PASSWORD)).send(email);

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2); // one per recipient mailbox
        assertThat(received[0].getMessageID()).isEqualTo("<" + email.messageId() + ">");
        assertThat(received[0].getSubject()).isEqualTo("【预警】2项任务：逾期1项 临近截止1项");
    }

    @Test
    void aServerWithoutStartTlsIsRefusedSoThePasswordNeverTravelsInClear() {
        SmtpMailTransport transport = new SmtpMailTransport(settings(SMTP.getSmtp().getPort(), Security.STARTTLS, PASSWORD));
        assertThatThrownBy(() -> transport.send(email)).isInstanceOf(MailDeliveryException.class)
                .hasMessageContaining("STARTTLS");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void aRefusedLoginIsAClearFailureThatNeverShowsThePassword() {
        SmtpMailTransport transport = new SmtpMailTransport(settings(SMTP.getSmtps().getPort(), Security.TLS, "wrong-password"));
        assertThatThrownBy(() -> transport.send(email)).isInstanceOf(MailDeliveryException.class)
                .hasMessageContaining(email.messageId())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-password"));
        assertThat(transport.toString()).contains("***").doesNotContain(PASSWORD).doesNotContain("wrong-password");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatDropsTheConnectionFailsTheSendInBoundedTime() throws Exception {
        try (DroppingServer dropping = new DroppingServer()) {
            SmtpMailTransport transport = new SmtpMailTransport(new SmtpSettings("127.0.0.1", dropping.port(),
                    Security.NONE, null, null, Duration.ofSeconds(3), ""));
            Instant start = Instant.now();
            assertThatThrownBy(() -> transport.send(email)).isInstanceOf(MailDeliveryException.class);
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void noPasswordOverAnUnencryptedConnection() {
        assertThatThrownBy(() -> new SmtpSettings("relay", 25, Security.NONE, USER, PASSWORD, Duration.ofSeconds(5), ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Greets like an SMTP server, then closes the connection when the client speaks (a crashed relay). */
    static final class DroppingServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0);
        private final Thread thread = Thread.ofVirtual().start(this::serve);

        DroppingServer() throws IOException {
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    client.getOutputStream().write("220 drop.example ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                    client.getOutputStream().flush();
                    client.getInputStream().read(); // the client's EHLO: hang up on it
                } catch (IOException closed) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            thread.interrupt();
        }
    }
}
