package cn.lyg.xilian.api;

import cn.lyg.xilian.api.gateway.HttpApiEventHandler;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.function.aws.HandlerUtils;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import io.micronaut.function.executor.FunctionInitializer;

/**
 * The API function's handler (template.yaml names it by class): HTTP API payload 2.0 events through
 * {@link HttpApiEventHandler}, which reads cookies, query strings and headers and writes cookies as API Gateway
 * does (micronaut-aws 4.11.0's {@code APIGatewayV2HTTPEventFunction} ignores the event's {@code cookies}, so every
 * signed-in request behind API Gateway was refused), then Micronaut's router, filters and controllers.
 *
 * <p>The Lambda context builder creates every singleton at start (eager init). That is right when the init
 * phase is not on a request's path: SnapStart (the snapshot then holds every bean) and provisioned
 * concurrency. For an on-demand cold start it is not: of ~220 singletons a request needs about a third, and
 * the rest (view/turbo writers, client SSL settings, executors, …) only lengthen the start. So eager init is
 * kept where Lambda says the init is a snapshot or provisioned one ({@code AWS_LAMBDA_INITIALIZATION_TYPE},
 * set by Lambda: {@code on-demand}, {@code provisioned-concurrency} or {@code snap-start}) and off otherwise;
 * the beans a request needs are then created by the first request, except the DynamoDB client, which
 * {@link DynamoDbClientEarlyStart} has built on a second thread meanwhile.
 *
 * <p>Other cold-start measures of this function: logging configured in code ({@link LogbackConfigurator}, no
 * logback.xml to parse), no alert/digest repositories in the context ({@code xilian.dynamodb.job-repositories:
 * false}), items mapped by hand over the low-level client, no table schema to build (adapter-dynamodb); Micronaut
 * AOT with its loaders patched (aot.properties, src/build/AotLoaderPatch.java), no META-INF/micronaut in the jar,
 * controllers on the invoking thread and JSON routes that declare no body type (adapter-web).
 * infra/docs/BENCHMARKS.md.
 */
public class ApiHandler extends FunctionInitializer
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";
    /** The environment micronaut-function-aws's LambdaApplicationContextBuilder adds besides "function". */
    static final String LAMBDA_ENVIRONMENT = "lambda";

    private final HttpApiEventHandler http;

    /** Used by the Lambda runtime. */
    public ApiHandler() {
        http = new HttpApiEventHandler(applicationContext);
    }

    /** Used by tests, with a context they built. */
    public ApiHandler(ApplicationContext context) {
        super(context);
        startThis(applicationContext);
        http = new HttpApiEventHandler(applicationContext);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        HandlerUtils.configureWithContext(this, context);
        return http.exchange(event, new APIGatewayV2HTTPResponse()).getResponse().getNativeResponse();
    }

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return contextBuilder(System.getenv(INITIALIZATION_TYPE));
    }

    /**
     * Micronaut's Lambda builder for a snapshot or provisioned init; otherwise a builder with the same environments
     * and no eager init. (The Lambda builder turns eager init on in its constructor, and
     * {@code eagerInitSingletons(false)} afterwards does not turn it off: it only ever adds.)
     */
    static ApplicationContextBuilder contextBuilder(String initializationType) {
        ApplicationContextBuilder builder = eagerInit(initializationType)
                ? new LambdaApplicationContextBuilder()
                : ApplicationContext.builder().environments(Environment.FUNCTION, LAMBDA_ENVIRONMENT);
        // no bootstrap.yml in this function: skip looking for one (class path scans at start)
        return builder.bootstrapEnvironment(false);
    }

    /** Eager only when the init phase is off the request path (SnapStart, provisioned concurrency). */
    static boolean eagerInit(String initializationType) {
        return "snap-start".equals(initializationType) || "provisioned-concurrency".equals(initializationType);
    }
}
