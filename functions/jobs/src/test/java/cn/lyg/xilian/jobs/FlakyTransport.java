package cn.lyg.xilian.jobs;

import cn.lyg.xilian.core.mail.MailDeliveryException;
import cn.lyg.xilian.core.mail.MailTransport;
import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.email.OutboxMailTransport;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Refuses every email while {@code down}; otherwise writes it to an outbox like the real local transport. */
final class FlakyTransport implements MailTransport {
    volatile boolean down = true;
    final List<String> refused = new ArrayList<>();
    private final List<OutboxMailTransport> outbox = new ArrayList<>();

    void writeTo(Path folder) {
        outbox.clear();
        outbox.add(new OutboxMailTransport(folder, Clock.systemUTC()));
    }

    @Override
    public synchronized void send(OutgoingEmail email) {
        if (down) {
            refused.add(email.messageId());
            throw new MailDeliveryException("simulated SES outage", null);
        }
        outbox.getFirst().send(email);
    }
}
