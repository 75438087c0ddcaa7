package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.chat.outcome.ChatOutcome;

/** The weekly summary's port to the group robots (core.chat's {@code ChatChannel}; see alert's AlertChat for why). */
public interface SummaryChat {

    boolean hasRobot(Audience audience);

    /** The Monday summary to the coordinators' robot; never throws for a robot's failure. */
    ChatOutcome postSummary(WeeklySummary summary);

    /** A unit's digest to its robot; never throws for a robot's failure. */
    ChatOutcome postDigest(UnitDigest digest);

    SummaryChat NONE = new SummaryChat() {
        public boolean hasRobot(Audience audience) {
            return false;
        }

        public ChatOutcome postSummary(WeeklySummary summary) {
            return new ChatOutcome(Audience.COORDINATORS.key(), ChatOutcome.Kind.DROPPED, 0, "no robot");
        }

        public ChatOutcome postDigest(UnitDigest digest) {
            return new ChatOutcome(Audience.unit(digest.unitId()).key(), ChatOutcome.Kind.DROPPED, 0, "no robot");
        }
    };
}
