package cn.lyg.xilian.jobs;

import cn.lyg.xilian.core.alert.RunAlertScan;
import cn.lyg.xilian.core.alert.ScanReport;
import cn.lyg.xilian.dynamodb.SubmissionKey;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Driven by the table's DynamoDB stream (keys only, ReportBatchItemFailures): for each INSERT of a
 * submission history item ({@code SUB#…}) one use-case call evaluates it for the immediate 受阻/滞后
 * alert to the coordinators. Other items and events are skipped.
 *
 * <p>An email that fails is not a record failure: the alert stays pending and the daily scan sends it.
 * A record fails (and is retried by Lambda from that sequence number) only when the evaluation itself
 * failed, e.g. DynamoDB was unreachable. The submission itself was stored before the stream saw it, so
 * nothing here can fail a submission; and the daily scan raises the same alert (same key) if this
 * function never ran.
 */
public class SubmissionEventHandler extends MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionEventHandler.class);

    @Inject
    RunAlertScan scan;

    @Inject
    cn.lyg.xilian.core.supervision.NotifyReturned notifyReturned;

    @Inject
    cn.lyg.xilian.core.catalog.CatalogRepository catalog;

    public SubmissionEventHandler() {
    }

    public SubmissionEventHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public StreamsEventResponse execute(DynamodbEvent event) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            Optional<ReviewKey> review = insertedReview(record);
            if (review.isPresent()) {
                try {
                    ReviewKey r = review.get();
                    var plan = catalog.plan(r.year()).orElseThrow(() -> new IllegalStateException("no plan " + r.year()));
                    LOG.info("return notice {}: {}", r, notifyReturned.notify(plan, r.taskId(), r.unitId(), r.submissionKey()));
                } catch (RuntimeException e) {
                    // Includes a refused email: the record is retried, and the notice is sent once it goes through.
                    LOG.error("return notice for stream record {} failed", record.getDynamodb().getSequenceNumber(), e);
                    failures.add(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()));
                }
                continue;
            }
            Optional<SubmissionKey> key = insertedSubmission(record);
            if (key.isEmpty()) {
                continue;
            }
            try {
                SubmissionKey k = key.get();
                ScanReport report = scan.onStoredSubmission(k.planYear(), k.taskId(), k.unitId(), k.idempotencyKey());
                if (!report.failed().isEmpty()) {
                    LOG.warn("alert email for {} failed, left pending for the daily scan: {}", k, report.failed());
                }
            } catch (RuntimeException e) {
                LOG.error("evaluation of stream record {} failed", record.getDynamodb().getSequenceNumber(), e);
                failures.add(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()));
            }
        }
        return new StreamsEventResponse(failures);
    }

    private static Optional<SubmissionKey> insertedSubmission(DynamodbEvent.DynamodbStreamRecord record) {
        if (!"INSERT".equals(record.getEventName()) || record.getDynamodb() == null
                || record.getDynamodb().getKeys() == null) {
            return Optional.empty();
        }
        Map<String, AttributeValue> keys = record.getDynamodb().getKeys();
        return SubmissionKey.parse(string(keys.get("pk")), string(keys.get("sk")));
    }

    /** A review item {@code PLAN#Y#SUP#<task>} / {@code REVIEW#<unit>#<submissionKey>}. */
    record ReviewKey(int year, String taskId, String unitId, String submissionKey) {
    }

    static Optional<ReviewKey> insertedReview(DynamodbEvent.DynamodbStreamRecord record) {
        if (!"INSERT".equals(record.getEventName()) || record.getDynamodb() == null
                || record.getDynamodb().getKeys() == null) {
            return Optional.empty();
        }
        String pk = string(record.getDynamodb().getKeys().get("pk"));
        String sk = string(record.getDynamodb().getKeys().get("sk"));
        if (pk == null || sk == null || !sk.startsWith("REVIEW#")) {
            return Optional.empty();
        }
        String[] p = pk.split("#", 4);
        String[] s = sk.split("#", 3);
        if (p.length != 4 || !"SUP".equals(p[2]) || s.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ReviewKey(Integer.parseInt(p[1]), p[3], s[1], s[2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String string(AttributeValue value) {
        return value == null ? null : value.getS();
    }
}
