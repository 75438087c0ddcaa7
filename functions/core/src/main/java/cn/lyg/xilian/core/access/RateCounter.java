package cn.lyg.xilian.core.access;

import java.time.Instant;

/** Counts events per subject and fixed window, shared by every instance of a function (DynamoDB: one item). */
public interface RateCounter {

    /** Adds one to the subject's count in the window starting at {@code windowStart}; returns the new count. */
    long increment(String subject, Instant windowStart);
}
