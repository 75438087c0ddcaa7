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
 * alert to the coordinators; the notices (退回, 督办意见, an extension's decision, a sign-in link asked for by
 * email) are sent once each from their records. Other items and events are skipped.
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

    @Inject
    cn.lyg.xilian.core.supervision.NotifySupervision notifySupervision;

    @Inject
    cn.lyg.xilian.core.access.SendSignInLink sendSignInLink;

    @Inject
    cn.lyg.xilian.wiring.LoadedYears years;

    /** Read once per invocation: an address a coordinator added a minute ago is used by this run. */
    @Inject
    cn.lyg.xilian.core.admin.DirectoryContacts contacts;

    /** The group robots (退回 notices, 受阻/滞后 alerts to the coordinators' group), read once per invocation. */
    @Inject
    cn.lyg.xilian.core.chat.ChatChannel chat;

    public SubmissionEventHandler() {
    }

    public SubmissionEventHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public StreamsEventResponse execute(DynamodbEvent event) {
        contacts.refresh();
        chat.refresh();
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            Optional<Runnable> notice = notice(record);
            if (notice.isPresent()) {
                try {
                    notice.get().run();
                } catch (RuntimeException e) {
                    // Includes a refused email: the record is retried, and the notice is sent once it goes through.
                    LOG.error("notice for stream record {} failed", record.getDynamodb().getSequenceNumber(), e);
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

    /**
     * The email a record asks for, each sent once (its use case keeps a mark): a review's INSERT (退回), an
     * instruction's INSERT (督办意见), an extension's MODIFY (its decision), a sign-in link request's INSERT.
     */
    private Optional<Runnable> notice(DynamodbEvent.DynamodbStreamRecord record) {
        Optional<ReviewKey> review = insertedReview(record);
        if (review.isPresent()) {
            ReviewKey r = review.get();
            return Optional.of(() -> LOG.info("return notice {}: {}", r,
                    notifyReturned.notifyAll(plan(r.year()), r.taskId(), r.unitId(), r.submissionKey())));
        }
        Optional<SupervisionKey> supervision = supervisionChange(record);
        if (supervision.isPresent()) {
            SupervisionKey k = supervision.get();
            return Optional.of(() -> LOG.info("{} notice {}: {}", k.kind(), k, switch (k.kind()) {
                case INSTRUCTION -> notifySupervision.instructed(plan(k.year()), k.taskId(), k.key());
                case EXTENSION -> notifySupervision.extensionDecided(plan(k.year()), k.taskId(), k.unitId(), k.key());
            }));
        }
        Optional<String> linkRequest = insertedLinkRequest(record);
        if (linkRequest.isPresent()) {
            // The request id is a bearer of nothing (the token is made and mailed here); the log names the outcome.
            return Optional.of(() -> LOG.info("{\"event\":\"SIGN_IN_LINK\",\"result\":\"{}\"}",
                    sendSignInLink.send(plan(years.read().current(years.today()).orElseThrow()), linkRequest.get())));
        }
        return Optional.empty();
    }

    private cn.lyg.xilian.core.catalog.Plan plan(int year) {
        return catalog.plan(year).orElseThrow(() -> new IllegalStateException("no plan " + year));
    }

    /** An instruction {@code NOTE#<key>} or an extension {@code EXT#<unit>#<key>} of supervision partition {@code PLAN#Y#SUP#<task>}. */
    record SupervisionKey(Kind kind, int year, String taskId, String unitId, String key) {
        enum Kind { INSTRUCTION, EXTENSION }
    }

    static Optional<SupervisionKey> supervisionChange(DynamodbEvent.DynamodbStreamRecord record) {
        if (record.getDynamodb() == null || record.getDynamodb().getKeys() == null) {
            return Optional.empty();
        }
        String pk = string(record.getDynamodb().getKeys().get("pk"));
        String sk = string(record.getDynamodb().getKeys().get("sk"));
        if (pk == null || sk == null) {
            return Optional.empty();
        }
        String[] p = pk.split("#", 4);
        if (p.length != 4 || !"PLAN".equals(p[0]) || !"SUP".equals(p[2])) {
            return Optional.empty();
        }
        int year;
        try {
            year = Integer.parseInt(p[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String[] s = sk.split("#", 3);
        if ("INSERT".equals(record.getEventName()) && s.length >= 2 && "NOTE".equals(s[0])) {
            return Optional.of(new SupervisionKey(SupervisionKey.Kind.INSTRUCTION, year, p[3], null,
                    sk.substring("NOTE#".length())));
        }
        if ("MODIFY".equals(record.getEventName()) && s.length == 3 && "EXT".equals(s[0])) {
            return Optional.of(new SupervisionKey(SupervisionKey.Kind.EXTENSION, year, p[3], s[1], s[2]));
        }
        return Optional.empty();
    }

    /** A sign-in link request {@code LINKREQ#<id>} / {@code LINKREQ}: its id. */
    static Optional<String> insertedLinkRequest(DynamodbEvent.DynamodbStreamRecord record) {
        if (!"INSERT".equals(record.getEventName()) || record.getDynamodb() == null
                || record.getDynamodb().getKeys() == null) {
            return Optional.empty();
        }
        String pk = string(record.getDynamodb().getKeys().get("pk"));
        String sk = string(record.getDynamodb().getKeys().get("sk"));
        if (!"LINKREQ".equals(sk) || pk == null || !pk.startsWith("LINKREQ#")) {
            return Optional.empty();
        }
        return Optional.of(pk.substring("LINKREQ#".length()));
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
