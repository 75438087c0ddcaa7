package cn.lyg.xilian.api;

import cn.lyg.xilian.api.gateway.HttpApiEventHandler;
import cn.lyg.xilian.wiring.PlanSettings;
import cn.lyg.xilian.wiring.SnapStartResource;
import cn.lyg.xilian.dynamodb.DynamoDbSettings;
import cn.lyg.xilian.dynamodb.StoragePriming;
import cn.lyg.xilian.web.MessagePage;
import cn.lyg.xilian.web.http.ErrorBody;
import cn.lyg.xilian.web.http.Pages;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.util.Map;

/**
 * SnapStart priming of the API function (the hook itself: wiring's {@link SnapStartResource}): Lambda takes the
 * snapshot after the init phase and calls {@link #prime} just before it. Exercising the expensive first-time paths
 * here (SDK client: marshalling of GetItem and Query, signing, endpoint rules, TLS; the items' static schemas and the
 * Enhanced Client's read path; pages: the precompiled templates and their output; serde: JSON writers; the request
 * pipeline: event adapter, router, filters, error handling) puts their loaded classes and warmed
 * caches into the snapshot instead of into the first request. Without the Query and the pipeline, the first
 * request after a restore still loaded about 500 classes of them (infra/docs/BENCHMARKS.md).
 *
 * <p>Nothing request- or instance-unique is kept: the results are discarded, no clock value or random state
 * is stored (tokens take a fresh SecureRandom per call, see core's Tokens), and the plan is read directly
 * (StoragePriming) rather than through PlanCache, whose cached copy would carry a pre-snapshot timestamp. The request
 * sent through the pipeline carries no credential, so it is refused before any controller or storage call.
 * AWS credentials stay with the SDK's provider, which refreshes them after restore.
 *
 * <p>{@code @Context}: created with the application context (during init, so before the snapshot), which registers
 * it with org.crac (SnapStartResource).
 */
@Context
public class SnapStartPriming extends SnapStartResource {

    // Providers: created at every init, so that an on-demand init does not build what the first request may not
    // need (pages for a JSON call, JSON for a page); priming gets them when the snapshot is about to be taken.
    private final BeanProvider<DynamoDbClient> dynamoDb;
    private final BeanProvider<DynamoDbSettings> table;
    private final BeanProvider<PlanSettings> plan;
    private final BeanProvider<Pages> pages;
    private final BeanProvider<JsonMapper> json;
    private final ApplicationContext context;

    public SnapStartPriming(BeanProvider<DynamoDbClient> dynamoDb, BeanProvider<DynamoDbSettings> table,
                            BeanProvider<PlanSettings> plan, BeanProvider<Pages> pages, BeanProvider<JsonMapper> json,
                            ApplicationContext context) {
        super("request");
        this.context = context;
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.plan = plan;
        this.pages = pages;
        this.json = json;
    }

    /** One call of each kind; returns what it did, for the test. */
    @Override
    protected Primed prime() throws IOException {
        DynamoDbClient dynamoDb = this.dynamoDb.get();
        DynamoDbSettings table = this.table.get();
        PlanSettings plan = this.plan.get();
        int schemas = StoragePriming.buildSchemas();
        boolean planFound = StoragePriming.readPlanHeader(dynamoDb, table, plan.getYear());
        int planItems = StoragePriming.readPlanPartition(dynamoDb, table, plan.getYear(), 1);
        String html = pages.get().render(HttpStatus.OK, new MessagePage(null, "提示", "预热", "PRIMING", false)).body();
        String body = json.get().writeValueAsString(new ErrorBody("PRIMING", "预热", Map.of()));
        int refused = new HttpApiEventHandler(context).exchange(unauthenticatedRequest(), new APIGatewayV2HTTPResponse())
                .getResponse().getNativeResponse().getStatusCode();
        return new Primed(schemas, planFound, planItems, html.length(), body.length(), refused);
    }

    /** A payload 2.0 API read without a credential, as API Gateway would pass it. */
    static APIGatewayV2HTTPEvent unauthenticatedRequest() {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("$default").withRawPath("/api/v1/units").withRawQueryString("")
                .withHeaders(Map.of("host", "localhost", "x-forwarded-proto", "https", "accept", "application/json"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET")
                                .withPath("/api/v1/units").withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").build())
                        .withRequestId("snapstart-priming").withStage("$default").build())
                .build();
    }

    record Primed(int schemas, boolean planHeaderFound, int planItems, int htmlChars, int jsonChars,
                  int unauthenticatedStatus) {
    }
}
