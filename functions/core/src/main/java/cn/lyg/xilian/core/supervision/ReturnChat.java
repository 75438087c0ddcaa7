package cn.lyg.xilian.core.supervision;

import cn.lyg.xilian.core.chat.outcome.ChatOutcome;

/** The 退回 notice's port to the unit's group robot (core.chat's {@code ChatChannel}; see alert's AlertChat for why). */
public interface ReturnChat {

    boolean unitHasRobot(String unitId);

    /** Posts the notice to the unit's robot; never throws for a robot's failure. */
    ChatOutcome post(ReturnNotice notice);

    ReturnChat NONE = new ReturnChat() {
        public boolean unitHasRobot(String unitId) {
            return false;
        }

        public ChatOutcome post(ReturnNotice notice) {
            return new ChatOutcome("unit:" + notice.review().unitId(), ChatOutcome.Kind.DROPPED, 1, "no robot");
        }
    };
}
