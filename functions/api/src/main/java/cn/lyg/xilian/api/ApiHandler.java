package cn.lyg.xilian.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/**
 * The API function's handler (template.yaml): Micronaut's {@link APIGatewayV2HTTPEventFunction} (HTTP API,
 * payload 2.0), with one change to how its context starts.
 *
 * <p>The Lambda context builder creates every singleton at start (eager init). That is right when the init
 * phase is not on a request's path: SnapStart (the snapshot then holds every bean) and provisioned
 * concurrency. For an on-demand cold start it is not: of ~220 singletons a request needs about a third, and
 * the rest (view/turbo writers, client SSL settings, executors, …) only lengthen the start. So eager init is
 * kept where Lambda says the init is a snapshot or provisioned one ({@code AWS_LAMBDA_INITIALIZATION_TYPE},
 * set by Lambda: {@code on-demand}, {@code provisioned-concurrency} or {@code snap-start}) and off otherwise;
 * the beans a request needs are then created by the first request.
 *
 * <p>Other cold-start measures of this function: logging configured in code ({@link LogbackConfigurator}, no
 * logback.xml to parse), no alert/digest repositories in the context ({@code xilian.dynamodb.job-repositories:
 * false}), item schemas and the enhanced client built on first use (adapter-dynamodb). README: BENCHMARKS.
 */
public class ApiHandler extends APIGatewayV2HTTPEventFunction {

    static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

    /** Used by the Lambda runtime. */
    public ApiHandler() {
    }

    /** Used by tests, with a context they built. */
    public ApiHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        boolean eager = eagerInit(System.getenv(INITIALIZATION_TYPE));
        return super.newApplicationContextBuilder().eagerInitSingletons(eager).eagerInitConfiguration(eager)
                // no bootstrap.yml in this function: skip looking for one (class path scans at start)
                .bootstrapEnvironment(false);
    }

    /** Eager only when the init phase is off the request path (SnapStart, provisioned concurrency). */
    static boolean eagerInit(String initializationType) {
        return "snap-start".equals(initializationType) || "provisioned-concurrency".equals(initializationType);
    }
}
