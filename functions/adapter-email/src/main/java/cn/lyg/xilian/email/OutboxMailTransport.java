package cn.lyg.xilian.email;

import cn.lyg.xilian.core.mail.MailDeliveryException;
import cn.lyg.xilian.core.mail.MailTransport;
import cn.lyg.xilian.core.mail.OutgoingEmail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;

/**
 * Local transport: every email becomes a standard {@code .eml} file in a folder, named
 * {@code <UTC timestamp>-<message id>.eml}. Written to a temporary file first and then moved, so a
 * reader watching the folder never sees half a message. Each attachment (the ledger, the 情况通报) is also
 * written beside it as {@code <UTC timestamp>-<message id>-<file name>}, so it opens without a mail client; they are
 * written before the {@code .eml}, which appears only once the whole message is in the folder.
 */
public final class OutboxMailTransport implements MailTransport {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    /** The charset the JVM names files in (sun.jnu.encoding: ASCII when the process has no UTF-8 locale). */
    private static final Charset FILE_NAMES = fileNameCharset();

    private final Path folder;
    private final Clock clock;

    public OutboxMailTransport(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    @Override
    public void send(OutgoingEmail email) {
        String base = STAMP.format(clock.instant()) + "-" + email.messageId().replaceAll("[^A-Za-z0-9._-]", "_");
        // The attachments first, the .eml last: a message is in the outbox only once all of it is written, so a
        // failure leaves nothing for the retry to duplicate.
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(email.mime()));
            if (message.getContent() instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart part = parts.getBodyPart(i);
                    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.getFileName() != null) {
                        try (var in = part.getInputStream()) {
                            write(folder.resolve(base + "-" + fileName(part.getFileName(), i, FILE_NAMES)), in.readAllBytes());
                        }
                    }
                }
            }
        } catch (MessagingException | IOException e) {
            throw new MailDeliveryException("cannot write the attachments of " + base, e);
        }
        write(folder.resolve(base + ".eml"), email.mime());
    }

    /**
     * The attachment's own name where the file system can spell it; where it cannot (a process without a UTF-8
     * locale, such as the Lambda runtime started without LANG, cannot name a file 预警清单.xlsx), attachment-N with
     * its extension. The .eml keeps the real name either way.
     */
    static String fileName(String attachmentName, int index, Charset fileNames) {
        String name = safeName(attachmentName);
        if (fileNames.newEncoder().canEncode(name)) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot).replaceAll("[^A-Za-z0-9.]", "");
        return "attachment-" + (index + 1) + extension;
    }

    /** A file name from the message, kept to one path segment (no separators, controls or leading dots). */
    static String safeName(String fileName) {
        String name = fileName.replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]", "_").replaceFirst("^\\.+", "_");
        return name.isBlank() ? "attachment" : name;
    }

    private static Charset fileNameCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (IllegalArgumentException e) {
            return StandardCharsets.US_ASCII;
        }
    }

    private void write(Path target, byte[] content) {
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, ".sending-", ".tmp");
            try {
                Files.write(temp, content);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new MailDeliveryException("cannot write " + target, e);
        }
    }
}
