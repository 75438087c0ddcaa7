package cn.lyg.xilian.core.alert;

import cn.lyg.xilian.core.alert.AlertRecord;
import cn.lyg.xilian.core.alert.Audience;

import java.time.Instant;
import java.util.List;

/** Remembers which alerts were found and to whom they were delivered: the same alert is sent once. */
public interface AlertRepository {

    /**
     * Stores the alert unless one with the same {@link AlertRecord#key()} exists (a conditional
     * create, safe against concurrent runs).
     *
     * @return true if it was created, false if it existed already (then nothing changes)
     */
    boolean recordIfAbsent(AlertRecord alert);

    /** Alerts of a plan year that some audience has not received yet. */
    List<AlertRecord> pending(int planYear);

    /** Notes that the alert reached the audience. Idempotent. */
    void markDelivered(String alertKey, Audience audience, Instant deliveredAt);

    /**
     * Notes that the alert's group-chat message reached the audience (or was dropped because its robot was removed).
     * Idempotent; the email state is untouched.
     */
    void markChatDelivered(String alertKey, Audience audience, Instant deliveredAt);
}
