package cn.lyg.xilian.local;

import cn.lyg.xilian.jobs.SubmissionEventHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import io.micronaut.context.ApplicationContext;
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
 * The table's stream, locally (dynalite has none): a new item's keys-only INSERT record is handed to the same
 * {@link SubmissionEventHandler} the Lambda runs, on one worker thread, so no request waits on email.
 */
@Singleton
@Requires(env = LocalApplication.ENVIRONMENT)
public class LocalStream {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStream.class);
    /** The worker's name (the submission benchmark tells the stand-in's DynamoDB calls by it). */
    static final String THREAD = "local-stream";

    private final ApplicationContext context;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, THREAD);
        t.setDaemon(true);
        return t;
    });
    private volatile SubmissionEventHandler handler;

    public LocalStream(ApplicationContext context) {
        this.context = context;
    }

    /** Hands the INSERT of item (pk, sk) to the handler; {@code what} names it in the log. */
    void inserted(String pk, String sk, long sequence, String what) {
        hand(insertOf(pk, sk, sequence), what);
    }

    /** Hands the MODIFY of item (pk, sk) to the handler (an extension's decision). */
    void modified(String pk, String sk, long sequence, String what) {
        DynamodbEvent event = insertOf(pk, sk, sequence);
        event.getRecords().get(0).setEventName("MODIFY");
        hand(event, what);
    }

    private void hand(DynamodbEvent event, String what) {
        worker.execute(() -> {
            try {
                var response = handler().execute(event);
                if (!response.getBatchItemFailures().isEmpty()) {
                    LOG.warn("{}: stream record not handled: {}", what, response.getBatchItemFailures());
                }
            } catch (RuntimeException e) {
                LOG.warn("{}: stream record failed", what, e);
            }
        });
    }

    /** The record a KEYS_ONLY stream delivers for a new item. */
    static DynamodbEvent insertOf(String pk, String sk, long sequence) {
        StreamRecord keys = new StreamRecord()
                .withKeys(Map.of("pk", new AttributeValue().withS(pk), "sk", new AttributeValue().withS(sk)))
                .withSequenceNumber(Long.toString(sequence))
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

    /** Waits for records in flight (tests and shutdown). */
    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
