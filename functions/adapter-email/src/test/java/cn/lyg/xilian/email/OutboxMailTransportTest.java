package cn.lyg.xilian.email;

import cn.lyg.xilian.core.mail.OutgoingEmail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
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

    @Test
    void writesEachAttachmentBesideTheEml(@TempDir Path dir) throws Exception {
        Path outbox = dir.resolve("outbox");
        var summary = Weeklies.everySection();
        byte[] docx = {'P', 'K', 3, 4, 42};
        var envelope = new cn.lyg.xilian.core.report.SummaryMailRenderer.Envelope(List.of("fgw@example.cn"),
                "weekly-2026-W47-coordinators-g0@xilian.example.cn",
                new cn.lyg.xilian.core.report.SummaryMailRenderer.Attachment("台账.xlsx", "application/octet-stream",
                        new byte[]{1, 2}),
                List.of(new cn.lyg.xilian.core.report.SummaryMailRenderer.Attachment("情况通报-2026-W47.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx)));
        OutgoingEmail email = new HtmlSummaryMailRenderer(Digests.SETTINGS, Digests.CLOCK)
                .coordinatorsSummary(summary, envelope);

        new OutboxMailTransport(outbox, Digests.CLOCK).send(email);

        String base = "20261201T010000000Z-weekly-2026-W47-coordinators-g0_xilian.example.cn";
        try (Stream<Path> listing = Files.list(outbox)) {
            assertThat(listing.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    base + "-台账.xlsx", base + "-情况通报-2026-W47.docx", base + ".eml");
        }
        assertThat(Files.readAllBytes(outbox.resolve(base + "-情况通报-2026-W47.docx"))).isEqualTo(docx);
    }

    @Test
    void attachmentNamesStayInTheOutbox() {
        assertThat(OutboxMailTransport.safeName("../../etc/passwd")).isEqualTo("__.._etc_passwd");
        assertThat(OutboxMailTransport.safeName("a\\b\nc.docx")).isEqualTo("a_b_c.docx");
    }

    @Test
    void aFileSystemThatCannotSpellTheNameGetsANumberedAttachment() {
        // The Lambda runtime started without LANG names files in ASCII: 预警清单 cannot be a file name there.
        assertThat(OutboxMailTransport.fileName("预警清单-2026-12-08.xlsx", 1, StandardCharsets.US_ASCII))
                .isEqualTo("attachment-2.xlsx");
        assertThat(OutboxMailTransport.fileName("预警清单-2026-12-08.xlsx", 1, StandardCharsets.UTF_8))
                .isEqualTo("预警清单-2026-12-08.xlsx");
        assertThat(OutboxMailTransport.fileName("ledger.xlsx", 0, StandardCharsets.US_ASCII)).isEqualTo("ledger.xlsx");
    }
}
