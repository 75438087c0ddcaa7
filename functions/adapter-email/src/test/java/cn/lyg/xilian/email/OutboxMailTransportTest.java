package cn.lyg.xilian.email;

import cn.lyg.xilian.core.mail.OutgoingEmail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxMailTransportTest {

    @Test
    void writesOneReadableEmlFileNamedByTimeAndMessageId(@TempDir Path dir) throws Exception {
        Path outbox = dir.resolve("outbox");
        OutgoingEmail email = new MimeAlertMailRenderer(Digests.SETTINGS, Digests.CLOCK).render(Digests.sample());

        new OutboxMailTransport(outbox, Digests.CLOCK).send(email);

        List<Path> files;
        try (Stream<Path> listing = Files.list(outbox)) {
            files = listing.toList();
        }
        assertThat(files).singleElement().satisfies(file -> {
            assertThat(file.getFileName().toString())
                    .isEqualTo("20261201T010000000Z-" + email.messageId().replace('@', '_') + ".eml");
            assertThat(Files.readAllBytes(file)).isEqualTo(email.mime());
        });
        MimeMessage parsed = MimeAlertMailRendererTest.parse(Files.readAllBytes(files.getFirst()));
        assertThat(parsed.getSubject()).isEqualTo("【预警】2项任务：逾期1项 临近截止1项");
    }
}
