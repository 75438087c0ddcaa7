package cn.lyg.xilian.runtime.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The framework-free floor of the cold-start benchmark (infra/bin/bench-coldstart lambda): a plain Lambda handler
 * that builds a DynamoDbClient in its init phase (as a well-written function does) and reads one item (the plan
 * header) per invocation. Same emulator, runtime client, memory and JAVA_TOOL_OPTIONS as the functions; not in any
 * function jar.
 */
public final class FloorHandler implements RequestStreamHandler {

    private static final DynamoDbClient CLIENT = client();
    private static final String TABLE = System.getenv("TABLE_NAME");

    private static DynamoDbClient client() {
        DynamoDbClientBuilder b = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(System.getenv("AWS_REGION")));
        String endpoint = System.getenv("XILIAN_DYNAMODB_ENDPOINT");
        if (endpoint != null) {
            b.endpointOverride(URI.create(endpoint));
        }
        return b.build();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws java.io.IOException {
        input.readAllBytes();
        boolean found = CLIENT.getItem(r -> r.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS("PLAN#2026"),
                "sk", AttributeValue.fromS("META")))).hasItem();
        if (!found) {
            throw new IllegalStateException("plan header not found in " + TABLE);
        }
        output.write("{\"found\":true}".getBytes(StandardCharsets.UTF_8));
    }
}
