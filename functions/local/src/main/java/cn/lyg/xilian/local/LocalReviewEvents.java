package cn.lyg.xilian.local;

import cn.lyg.xilian.core.progress.Review;
import cn.lyg.xilian.core.supervision.Extension;
import cn.lyg.xilian.core.supervision.Instruction;
import cn.lyg.xilian.core.supervision.ReviewListener;
import cn.lyg.xilian.dynamodb.Keys;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Stands in for the table's stream for supervision: a review that sends a report back, a new instruction and an
 * extension decision hand their item to the same handler the Lambda runs, which emails the unit (through
 * {@link LocalStream}, so the page never waits).
 */
@Singleton
@Requires(env = LocalApplication.ENVIRONMENT)
@Bean(typed = ReviewListener.class)
public class LocalReviewEvents implements ReviewListener {

    private final LocalStream stream;

    public LocalReviewEvents(LocalStream stream) {
        this.stream = stream;
    }

    @Override
    public void returned(Review r) {
        stream.inserted(Keys.supervisionPk(r.planYear(), r.taskId()), Keys.reviewSk(r.unitId(), r.submissionKey()),
                r.reviewedAt().toEpochMilli(), "return notice " + r.taskId() + "/" + r.unitId());
    }

    @Override
    public void instructed(Instruction i) {
        stream.inserted(Keys.supervisionPk(i.planYear(), i.taskId()), Keys.instructionSk(i.key()),
                i.issuedAt().toEpochMilli(), "instruction notice " + i.taskId());
    }

    /** The decision is an update of the request's item: a MODIFY record, as the stream delivers it. */
    @Override
    public void extensionDecided(Extension e) {
        stream.modified(Keys.supervisionPk(e.planYear(), e.taskId()), Keys.extensionSk(e.unitId(), e.key()),
                e.decidedAt().toEpochMilli(), "extension decision notice " + e.taskId() + "/" + e.unitId());
    }
}
