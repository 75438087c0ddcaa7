/**
 * The API Lambda function. Its handler {@link cn.lyg.xilian.api.ApiHandler} is Micronaut's
 * {@code io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction} (HTTP API, payload 2.0) with
 * eager singleton creation only for SnapStart/provisioned inits: it starts one application context with the
 * controllers of adapter-web and routes every event to them, so the form, the JSON API and the Netty server
 * used in tests share one code path.
 */
package cn.lyg.xilian.api;
