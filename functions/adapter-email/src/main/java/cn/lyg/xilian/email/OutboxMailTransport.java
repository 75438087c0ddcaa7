package cn.lyg.xilian.email;

import cn.lyg.xilian.core.mail.MailDeliveryException;
import cn.lyg.xilian.core.mail.MailTransport;
import cn.lyg.xilian.core.mail.OutgoingEmail;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Local transport: every email becomes a standard {@code .eml} file in a folder, named
 * {@code <UTC timestamp>-<message id>.eml}. Written to a temporary file first and then moved, so a
 * reader watching the folder never sees half a message.
 */
public final class OutboxMailTransport implements MailTransport {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final Path folder;
    private final Clock clock;

    public OutboxMailTransport(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    @Override
    public void send(OutgoingEmail email) {
        String name = STAMP.format(clock.instant()) + "-" + email.messageId().replaceAll("[^A-Za-z0-9._-]", "_") + ".eml";
        Path target = folder.resolve(name);
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, ".sending-", ".tmp");
            try {
                Files.write(temp, email.mime());
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
