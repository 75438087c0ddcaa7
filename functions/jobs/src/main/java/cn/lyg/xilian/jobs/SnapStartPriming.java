package cn.lyg.xilian.jobs;

import cn.lyg.xilian.wiring.PlanSettings;
import cn.lyg.xilian.wiring.SnapStartResource;
import cn.lyg.xilian.core.alert.AlertDigest;
import cn.lyg.xilian.core.alert.AlertLine;
import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.alert.Rule;
import cn.lyg.xilian.core.alert.AlertMailRenderer;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.dynamodb.DynamoDbSettings;
import cn.lyg.xilian.dynamodb.StoragePriming;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.json.JsonMapper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/**
 * SnapStart priming of the job functions (the hook, shared with the API's: wiring's {@link SnapStartResource}):
 * Lambda takes the snapshot after the init phase and calls {@link #prime} just before. One call of each expensive
 * first-time path puts its loaded classes and warmed caches into the snapshot: the DynamoDB client (one GetItem of the
 * plan header through the Enhanced Client: marshalling, signing, endpoint rules, TLS), the items' static schemas, the
 * JSON mapper (the job input, a stream event and the outputs), and the alert mail renderer (one MIME message of a
 * fixed sample digest, not sent).
 *
 * <p>Nothing unique is kept: results are discarded, the sample has a fixed date and no clock value, random
 * state or credential is stored here (the SDK's credential provider refreshes after restore).
 *
 * <p>{@code @Context}: created with the application context, i.e. during the init phase, before the snapshot
 * (SnapStartResource registers it). Only in function contexts (the Lambda handlers' contexts have the {@code function}
 * environment): the local run and the job command line, which reuse this module, have no use for it and need not
 * configure what it touches.
 */
@Context
@Requires(env = Environment.FUNCTION)
public class SnapStartPriming extends SnapStartResource {

    private static final LocalDate SAMPLE_DATE = LocalDate.of(2026, 1, 5);

    private final DynamoDbClient dynamoDb;
    private final DynamoDbSettings table;
    private final int planYear;
    private final AlertMailRenderer renderer;
    private final JsonMapper json;

    public SnapStartPriming(DynamoDbClient dynamoDb, DynamoDbSettings table,
                            PlanSettings plan,
                            AlertMailRenderer renderer, JsonMapper json) {
        super("invocation");
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.planYear = plan.getYear();
        this.renderer = renderer;
        this.json = json;
    }

    /** One call of each kind; returns what it did, for the test. */
    @Override
    protected Primed prime() throws IOException {
        int schemas = StoragePriming.buildSchemas();
        boolean planFound = StoragePriming.readPlanHeader(dynamoDb, table, planYear);
        int mimeBytes = renderer.render(sampleDigest()).mime().length;
        JobRequest request = json.readValue("{\"asOf\":\"2026-01-05\"}", JobRequest.class);
        DynamodbEvent event = json.readValue("{\"Records\":[{\"eventName\":\"INSERT\",\"dynamodb\":{\"Keys\":"
                + "{\"pk\":{\"S\":\"PRIMING\"},\"sk\":{\"S\":\"PRIMING\"}},\"SequenceNumber\":\"0\"}}]}", DynamodbEvent.class);
        String out = json.writeValueAsString(new StreamsEventResponse(List.of(
                new StreamsEventResponse.BatchItemFailure(event.getRecords().getFirst().getDynamodb().getSequenceNumber()))))
                + json.writeValueAsString(new AlertScanResult(request.getAsOf(), 0, 0, List.of(), List.of(), List.of()));
        return new Primed(schemas, planFound, mimeBytes, out.length());
    }

    private static AlertDigest sampleDigest() {
        AlertLine line = new AlertLine("PRIMING", "0", "预热", "priming", "预热", SAMPLE_DATE, 0,
                ProgressStatus.IN_PROGRESS, 50, Light.YELLOW, Rule.APPROACHING, "预热");
        return AlertDigest.of(Audience.COORDINATORS, "预热", List.of("priming@example.invalid"), SAMPLE_DATE, List.of(line));
    }

    record Primed(int schemas, boolean planHeaderFound, int mimeBytes, int jsonChars) {
    }
}
