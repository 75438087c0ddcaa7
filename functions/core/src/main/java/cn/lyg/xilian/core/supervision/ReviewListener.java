package cn.lyg.xilian.core.supervision;

import cn.lyg.xilian.core.progress.Review;

/**
 * Told once about each newly stored review that sends a report back, so the unit is emailed at once. Must
 * return quickly and never throw: a failed email never fails the review (it is retried by the mail path).
 */
@FunctionalInterface
public interface ReviewListener {

    ReviewListener NONE = review -> { };

    void returned(Review review);
}
