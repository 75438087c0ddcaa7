package cn.lyg.xilian.core.chat.outcome;

import org.jspecify.annotations.Nullable;

/**
 * What became of one audience's group-chat message in a run, for the jobs' results and logs (never a URL). In a
 * package of its own, depending on nothing: the use cases' chat ports (alert's {@code AlertChat}, report's
 * {@code SummaryChat}, supervision's {@code ReturnChat}) return it, and core.chat, which implements them, already
 * depends on those packages (its {@code ChatRobots} speaks of an alert {@code Audience}).
 *
 * @param audience "coordinators" or "unit:&lt;id&gt;"
 * @param items    the items the message carried (alerts, tasks)
 * @param detail   the vendor's code and text, or null
 */
public record ChatOutcome(String audience, Kind kind, int items, @Nullable String detail) {

    public enum Kind {
        /** The robot accepted it; the record is marked. */
        SENT,
        /** Over the robot's 20 a minute in this run: it waits for the next run. */
        DEFERRED,
        /** The robot was rate-limited, down or slow: the record stays pending for the next run. */
        RETRY_LATER,
        /** The robot refused it (signature, keyword, IP, …): pending, until a coordinator fixes the robot. */
        REFUSED,
        /** The audience's robot was removed since the items were recorded: they are dropped from chat. */
        DROPPED;

        public boolean failed() {
            return this == RETRY_LATER || this == REFUSED;
        }
    }

    public boolean sent() {
        return kind == Kind.SENT;
    }
}
