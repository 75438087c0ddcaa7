package cn.lyg.xilian.local;

import cn.lyg.xilian.core.progress.SubmissionListener;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.dynamodb.Keys;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Stands in for the table's stream for submissions: each stored submission's history item is handed to the
 * submission-event handler (the 受阻/滞后 alert) through {@link LocalStream}. Should the process die first, the
 * daily scan's backstop raises the same alert.
 */
@Singleton
@Requires(env = LocalApplication.ENVIRONMENT)
@Bean(typed = SubmissionListener.class)
public class LocalSubmissionEvents implements SubmissionListener {

    private final LocalStream stream;

    public LocalSubmissionEvents(LocalStream stream) {
        this.stream = stream;
    }

    @Override
    public void stored(Submission s) {
        stream.inserted(Keys.taskHistoryPk(s.planYear(), s.taskId()), Keys.submissionSk(s.unitId(), s.idempotencyKey()),
                s.submittedAt().toEpochMilli(), "submission " + s.taskId() + "/" + s.unitId());
    }
}
