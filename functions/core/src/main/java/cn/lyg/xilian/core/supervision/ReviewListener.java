package cn.lyg.xilian.core.supervision;

import cn.lyg.xilian.core.progress.Review;

/**
 * Told once about each newly stored review that sends a report back, each new instruction (督办意见) and each new
 * extension decision, so the unit is emailed at once (locally; in AWS the table's stream does it). Must return
 * quickly and never throw: a failed email never fails the write (it is retried by the mail path).
 */
@FunctionalInterface
public interface ReviewListener {

    ReviewListener NONE = review -> { };

    void returned(Review review);

    default void instructed(Instruction instruction) {
    }

    default void extensionDecided(Extension decided) {
    }
}
