package cn.lyg.xilian.local;

import cn.lyg.xilian.core.progress.SubmissionListener;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.dynamodb.Keys;
import cn.lyg.xilian.jobs.SubmissionEventHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for the table's stream locally (dynalite has none): each stored submission is handed, as a
 * keys-only INSERT record, to the same {@link SubmissionEventHandler} the Lambda runs — on its own thread,
 * so the submission's response never waits on email. Should the process die first, the daily scan's
 * backstop raises the same alert.
 */
@Singleton
@Requires(env = LocalApplication.ENVIRONMENT)
@Bean(typed = SubmissionListener.class)
public class LocalSubmissionEvents implements SubmissionListener {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSubmissionEvents.class);

    private final ApplicationContext context;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "submission-events");
        t.setDaemon(true);
        return t;
    });
    private volatile SubmissionEventHandler handler;

    public LocalSubmissionEvents(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void stored(Submission submission) {
        DynamodbEvent event = insertOf(submission);
        worker.execute(() -> {
            try {
                var response = handler().execute(event);
                if (!response.getBatchItemFailures().isEmpty()) {
                    LOG.warn("submission event not evaluated, the daily scan will: {}", response.getBatchItemFailures());
                }
            } catch (RuntimeException e) {
                LOG.warn("submission event failed, the daily scan will evaluate it", e);
            }
        });
    }

    /** The record a KEYS_ONLY stream delivers for the new history item. */
    static DynamodbEvent insertOf(Submission s) {
        StreamRecord keys = new StreamRecord()
                .withKeys(Map.of(
                        "pk", new AttributeValue().withS(Keys.taskHistoryPk(s.planYear(), s.taskId())),
                        "sk", new AttributeValue().withS(Keys.submissionSk(s.unitId(), s.idempotencyKey()))))
                .withSequenceNumber(Long.toString(s.submittedAt().toEpochMilli()))
                .withStreamViewType(StreamViewType.KEYS_ONLY);
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName("INSERT");
        record.setEventSource("aws:dynamodb");
        record.setDynamodb(keys);
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        return event;
    }

    private SubmissionEventHandler handler() {
        if (handler == null) {
            handler = new SubmissionEventHandler(context);
        }
        return handler;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
