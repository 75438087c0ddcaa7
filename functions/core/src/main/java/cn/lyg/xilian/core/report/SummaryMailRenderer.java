package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.core.report.UnitDigest;
import cn.lyg.xilian.core.report.WeeklySummary;

import java.util.List;

/** Turns the weekly summary and the unit digests into complete MIME messages (Chinese HTML, plain text, .xlsx). */
public interface SummaryMailRenderer {

    OutgoingEmail coordinatorsSummary(WeeklySummary summary, Envelope envelope);

    OutgoingEmail unitDigest(UnitDigest digest, Envelope envelope);

    /**
     * Addressing and the attachment, decided by the use case.
     *
     * @param messageId the Message-ID without angle brackets; stable per (week, recipient, generation)
     * @param more      attachments after the first (the coordinators' 情况通报)
     */
    record Envelope(List<String> to, String messageId, Attachment attachment, List<Attachment> more) {
        public Envelope {
            to = List.copyOf(to);
            more = more == null ? List.of() : List.copyOf(more);
        }

        public Envelope(List<String> to, String messageId, Attachment attachment) {
            this(to, messageId, attachment, List.of());
        }
    }

    record Attachment(String fileName, String contentType, byte[] content) {
        public Attachment {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }
}
