package cn.lyg.xilian.core.alert;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A finding as stored: who it must reach and who it has reached, per channel. Email: {@code audiences} /
 * {@code deliveredTo}. Group chat: {@code chatAudiences} / {@code chatDeliveredTo}. It is pending while some audience
 * has not received it on some channel; a failed send leaves it pending for the next run, on that channel only.
 *
 * <h2>Which alerts go to chat</h2>
 * Only those recorded while the audience had a robot ({@link #newlyFound(Finding, Set, Predicate, Instant)}, the one
 * home of the rule): adding a robot does not flood its group with the backlog, and an alert recorded before chat
 * existed (no chat attributes stored) never goes to chat.
 */
public record AlertRecord(Finding finding, Set<Audience> audiences, Set<Audience> deliveredTo, Instant recordedAt,
                          Set<Audience> chatAudiences, Set<Audience> chatDeliveredTo) {

    public AlertRecord {
        audiences = Set.copyOf(audiences);
        deliveredTo = Set.copyOf(deliveredTo);
        chatAudiences = Set.copyOf(chatAudiences);
        chatDeliveredTo = Set.copyOf(chatDeliveredTo);
    }

    /** Email only (alerts recorded before group chats, or without a robot). */
    public AlertRecord(Finding finding, Set<Audience> audiences, Set<Audience> deliveredTo, Instant recordedAt) {
        this(finding, audiences, deliveredTo, recordedAt, Set.of(), Set.of());
    }

    public static AlertRecord newlyFound(Finding finding, Set<Audience> audiences, Instant now) {
        return new AlertRecord(finding, audiences, Set.of(), now);
    }

    /** @param hasRobot whether an audience has a group robot now: those get the alert in chat too */
    public static AlertRecord newlyFound(Finding finding, Set<Audience> audiences, Predicate<Audience> hasRobot,
                                         Instant now) {
        Set<Audience> chat = new LinkedHashSet<>();
        audiences.stream().filter(hasRobot).forEach(chat::add);
        return new AlertRecord(finding, audiences, Set.of(), now, chat, Set.of());
    }

    public String key() {
        return finding.key();
    }

    /** Audiences still waiting for the email. */
    public List<Audience> pendingAudiences() {
        return audiences.stream().filter(a -> !deliveredTo.contains(a)).toList();
    }

    /** Audiences still waiting for the group-chat message. */
    public List<Audience> pendingChatAudiences() {
        return chatAudiences.stream().filter(a -> !chatDeliveredTo.contains(a)).toList();
    }

    /** Some audience waits on some channel. */
    public boolean isPending() {
        return !pendingAudiences().isEmpty() || !pendingChatAudiences().isEmpty();
    }

    public AlertRecord deliveredTo(Audience audience) {
        Set<Audience> delivered = new LinkedHashSet<>(deliveredTo);
        delivered.add(audience);
        return new AlertRecord(finding, audiences, delivered, recordedAt, chatAudiences, chatDeliveredTo);
    }

    public AlertRecord chatDeliveredTo(Audience audience) {
        Set<Audience> delivered = new LinkedHashSet<>(chatDeliveredTo);
        delivered.add(audience);
        return new AlertRecord(finding, audiences, deliveredTo, recordedAt, chatAudiences, delivered);
    }
}
