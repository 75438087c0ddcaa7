/**
 * The API Lambda function. Its handler is Micronaut's
 * {@code io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction} (HTTP API, payload 2.0),
 * unchanged: it starts one application context with the controllers of adapter-web and routes every event
 * to them, so the form, the JSON API and the Netty server used in tests share one code path.
 * No subclass is needed; this module only assembles dependencies and configuration.
 */
package cn.lyg.xilian.api;
