package cn.lyg.xilian.core.supervision;

import java.time.Instant;

/**
 * Which supervision emails went out (督办意见, extension decisions): one mark per notice, so a stream retry or a second
 * run sends nothing twice. Stored beside the task's supervision record.
 */
public interface NoticeMarks {

    /** Whether the notice was accepted by the mail system (consistent read). */
    boolean notified(int year, String taskId, String noticeId);

    /** Records the delivery once; a second call keeps the first. */
    void markNotified(int year, String taskId, String noticeId, String messageId, Instant at);
}
