package cn.lyg.xilian.dynamodb;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the one {@link DynamoDbClient} a process needs.
 * Create it once (a Micronaut factory in the application module, a static field in tests) and share
 * it: clients are thread-safe and expensive to build.
 *
 * <p>The url-connection HTTP client is chosen explicitly: it starts fastest in a Lambda, and SDK 2.57
 * would otherwise pick apache5, whose httpclient5 clashes with the Micronaut platform's (stack notes).
 * Credentials come from the SDK's default chain (Lambda role, or aws.accessKeyId/aws.secretAccessKey).
 * The only difference between local and AWS is the endpoint override from the settings.
 */
public final class DynamoDbClientFactory {

    private DynamoDbClientFactory() {
    }

    public static DynamoDbClient client(DynamoDbSettings settings) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(timeouts(settings))
                .region(Region.of(settings.region()));
        settings.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * The call and attempt timeouts of the settings. Without them a stalled endpoint (connection accepted,
     * no answer) holds a request until the function times out: the url-connection client has no read timeout
     * by default that the SDK would not wait out, and DynamoDB's retry policy retries up to 8 times.
     */
    public static ClientOverrideConfiguration timeouts(DynamoDbSettings settings) {
        return ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(settings.apiCallAttemptTimeout())
                .apiCallTimeout(settings.apiCallTimeout())
                .build();
    }
}
