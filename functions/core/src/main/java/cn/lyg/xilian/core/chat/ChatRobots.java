package cn.lyg.xilian.core.chat;

import cn.lyg.xilian.core.alert.Audience;

import java.util.Optional;

/**
 * The group robots configured per audience (the coordinators' group, each unit's group), as the jobs read them:
 * a job calls {@link #refresh()} when it starts, then every message of that run uses the same snapshot.
 * Chat goes alongside email, never instead of it: an audience without a robot simply gets none.
 */
public interface ChatRobots {

    Optional<ChatRobot> robotOf(Audience audience);

    /** Forgets a snapshot, if the implementation keeps one. */
    default void refresh() {
    }
}
