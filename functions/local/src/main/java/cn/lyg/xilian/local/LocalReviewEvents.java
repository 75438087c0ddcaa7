package cn.lyg.xilian.local;

import cn.lyg.xilian.core.supervision.Review;
import cn.lyg.xilian.core.supervision.ReviewListener;
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
 * Stands in for the table's stream for reviews (dynalite has none): a review that sends a report back is handed,
 * as the keys-only INSERT record of its review item, to the same {@link SubmissionEventHandler} the Lambda runs,
 * which emails the unit. On its own thread: the coordinator's page never waits on email.
 */
@Singleton
@Requires(env = LocalApplication.ENVIRONMENT)
@Bean(typed = ReviewListener.class)
public class LocalReviewEvents implements ReviewListener {

    private static final Logger LOG = LoggerFactory.getLogger(LocalReviewEvents.class);

    private final ApplicationContext context;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "review-events");
        t.setDaemon(true);
        return t;
    });
    private volatile SubmissionEventHandler handler;

    public LocalReviewEvents(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void returned(Review review) {
        DynamodbEvent event = insertOf(review);
        worker.execute(() -> {
            try {
                var response = handler().execute(event);
                if (!response.getBatchItemFailures().isEmpty()) {
                    LOG.warn("return notice not sent: {}", response.getBatchItemFailures());
                }
            } catch (RuntimeException e) {
                LOG.warn("return notice failed", e);
            }
        });
    }

    /** The record a KEYS_ONLY stream delivers for the new review item. */
    static DynamodbEvent insertOf(Review r) {
        StreamRecord keys = new StreamRecord()
                .withKeys(Map.of(
                        "pk", new AttributeValue().withS(Keys.supervisionPk(r.planYear(), r.taskId())),
                        "sk", new AttributeValue().withS(Keys.reviewSk(r.unitId(), r.submissionKey()))))
                .withSequenceNumber(Long.toString(r.reviewedAt().toEpochMilli()))
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

    /** Waits for notices in flight (tests and shutdown). */
    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
