package cn.lyg.xilian.jobs;

import cn.lyg.xilian.core.alert.AlertRepository;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert scan with {@code xilian.mail.transport=smtp} (the AWS China setup), each run its own context on one
 * table: a relay that refuses the connection (554 greeting) and one that drops it leave every email pending; the
 * next run to a working SMTP server (GreenMail) sends each exactly once, and a further run sends nothing.
 */
@ExtendWith(DynaliteExtension.class)
class SmtpDeliveryTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);

    @RegisterExtension
    static final GreenMailExtension RELAY = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @Test
    void refusedAndDroppedMailStaysPendingAndIsSentExactlyOnceLater(Dynalite dynalite) throws Exception {
        String table = Dynalite.uniqueTableName("smtp");
        try (TroubledRelay refusing = new TroubledRelay("554 5.3.2 relay.example service not available\r\n");
             TroubledRelay dropping = new TroubledRelay("220 relay.example ESMTP\r\n")) {
            AlertScanResult refused = scan(dynalite, table, refusing.port());
            assertThat(refused.delivered()).isEmpty();
            assertThat(refused.failed()).isNotEmpty().allSatisfy(f -> assertThat(f.error()).contains("SMTP 127.0.0.1"));
            int pending = pendingDeliveries(dynalite, table);
            assertThat(pending).isPositive();

            AlertScanResult dropped = scan(dynalite, table, dropping.port());
            assertThat(dropped.delivered()).isEmpty();
            assertThat(dropped.failed()).hasSameSizeAs(refused.failed());
            assertThat(pendingDeliveries(dynalite, table)).isEqualTo(pending);
            assertThat(RELAY.getReceivedMessages()).isEmpty();
        }

        AlertScanResult sent = scan(dynalite, table, RELAY.getSmtp().getPort());
        assertThat(sent.failed()).isEmpty();
        assertThat(sent.delivered()).hasSize(scanAudiences(sent));
        assertThat(pendingDeliveries(dynalite, table)).isZero();
        MimeMessage[] received = RELAY.getReceivedMessages();
        // one email per audience, each to its one address: every Message-ID exactly once
        assertThat(Arrays.stream(received).map(SmtpDeliveryTest::messageId).distinct()).hasSize(received.length);
        assertThat(received).hasSize(sent.delivered().size());

        AlertScanResult again = scan(dynalite, table, RELAY.getSmtp().getPort());
        assertThat(again.delivered()).isEmpty();
        assertThat(RELAY.getReceivedMessages()).hasSize(received.length);
    }

    private static int scanAudiences(AlertScanResult result) {
        return result.delivered().size() + result.failed().size();
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AlertScanResult scan(Dynalite dynalite, String table, int smtpPort) throws Exception {
        try (JobsTestApp app = JobsTestApp.start(dynalite, "smtp", null, smtp(table, smtpPort));
             AlertScanHandler handler = new AlertScanHandler(app.context)) {
            return handler.execute(JobRequest.asOf(TUESDAY));
        }
    }

    private static int pendingDeliveries(Dynalite dynalite, String table) throws Exception {
        try (JobsTestApp app = JobsTestApp.start(dynalite, "smtp", null, smtp(table, RELAY.getSmtp().getPort()))) {
            return app.context.getBean(AlertRepository.class).pending(2026).stream()
                    .mapToInt(a -> a.pendingAudiences().size()).sum();
        }
    }

    private static Map<String, Object> smtp(String table, int port) {
        return Map.of("xilian.dynamodb.table", table, "xilian.mail.transport", "smtp",
                "xilian.mail.smtp.host", "127.0.0.1", "xilian.mail.smtp.port", port,
                // a local relay without TLS or login (the TLS and login paths: adapter-email's SmtpMailTransportTest)
                "xilian.mail.smtp.security", "NONE", "xilian.mail.smtp.timeout", "3s");
    }

    /** Answers every connection with {@code greeting} and hangs up when the client speaks. */
    static final class TroubledRelay implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0);
        private final String greeting;
        private final Thread thread;

        TroubledRelay(String greeting) throws IOException {
            this.greeting = greeting;
            this.thread = Thread.ofVirtual().start(this::serve);
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    client.getOutputStream().write(greeting.getBytes(StandardCharsets.US_ASCII));
                    client.getOutputStream().flush();
                    client.getInputStream().read();
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
