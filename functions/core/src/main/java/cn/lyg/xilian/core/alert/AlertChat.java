package cn.lyg.xilian.core.alert;

import cn.lyg.xilian.core.chat.outcome.ChatOutcome;

/**
 * The alert scan's port to the group robots (core.chat's {@code ChatChannel}). A port of its own here, because
 * core.chat depends on this package (its robots are per {@link Audience}) and a dependency goes one way.
 */
public interface AlertChat {

    /** Whether the audience has a robot in this run's snapshot: the alerts recorded now go to chat too. */
    boolean hasRobot(Audience audience);

    /** Posts the audience's digest to its robot; never throws for a robot's failure. */
    ChatOutcome post(AlertDigest digest);

    /** No robots: nothing goes to chat. */
    AlertChat NONE = new AlertChat() {
        public boolean hasRobot(Audience audience) {
            return false;
        }

        public ChatOutcome post(AlertDigest digest) {
            return new ChatOutcome(digest.audience().key(), ChatOutcome.Kind.DROPPED, digest.lines().size(), "no robot");
        }
    };
}
