package cn.lyg.xilian.deploy;

import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.catalog.CatalogJson;
import cn.lyg.xilian.dynamodb.DynamoCatalogRepository;
import cn.lyg.xilian.dynamodb.DynamoCredentialRepository;
import cn.lyg.xilian.dynamodb.DynamoDbClientFactory;
import cn.lyg.xilian.dynamodb.DynamoDbSettings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The smoke checks of infra/localstack/smoke.sh against a stack deployed by infra/localstack/deploy.sh.
 * Skipped, with the reason in the report, unless LOCALSTACK_ENDPOINT (or -Dlocalstack.endpoint) is set.
 * Not run on the project's machines (no Docker engine there).
 */
class LocalStackSmokeTest {

    static URI endpoint;
    static Map<String, String> outputs;
    static Region region = Region.of(System.getenv().getOrDefault("AWS_DEFAULT_REGION", "us-east-1"));

    /** In each test (not @BeforeAll): surefire then reports the test as skipped, with this reason. */
    static void stack() {
        Assumptions.assumeTrue(LocalStackConfig.endpoint().isPresent(),
                "LocalStack tests skipped: set LOCALSTACK_ENDPOINT (e.g. http://localhost:4566) or -Dlocalstack.endpoint "
                        + "after infra/localstack/deploy.sh");
        if (outputs != null) {
            return;
        }
        endpoint = LocalStackConfig.endpoint().get();
        try (CloudFormationClient cfn = CloudFormationClient.builder().endpointOverride(endpoint).region(region)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            outputs = cfn.describeStacks(b -> b.stackName(LocalStackConfig.stackName())).stacks().get(0).outputs().stream()
                    .collect(Collectors.toMap(Output::outputKey, Output::outputValue));
        }
    }

    String functionName(String logicalId) {
        try (CloudFormationClient cfn = CloudFormationClient.builder().endpointOverride(endpoint).region(region)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            return cfn.describeStackResource(b -> b.stackName(LocalStackConfig.stackName()).logicalResourceId(logicalId))
                    .stackResourceDetail().physicalResourceId();
        }
    }

    @Test
    void submitThroughTheApiThenJobsSendMail() throws Exception {
        stack();
        String table = outputs.get("TableName");
        DynamoDbSettings settings = DynamoDbSettings.of(table, endpoint, region.id());
        String token;
        try (DynamoDbClient client = DynamoDbClientFactory.client(settings);
             InputStream plan = Files.newInputStream(Template.ROOT.resolve("infra/plans/plan-2026.json"))) {
            new DynamoCatalogRepository(client, DynamoDbClientFactory.enhancedClient(client), settings).load(CatalogJson.read(plan));
            token = new Credentials(new DynamoCredentialRepository(client, settings), Clock.systemUTC())
                    .issue(Role.UNIT, "donghai", Duration.ofDays(1)).token();
        }
        // ApiUrl is https://<apiId>.execute-api.<region>.amazonaws.com/; LocalStack serves <apiId>.execute-api.localhost.localstack.cloud.
        String apiId = URI.create(outputs.get("ApiUrl")).getHost().split("\\.")[0];
        URI api = URI.create("http://" + apiId + ".execute-api.localhost.localstack.cloud:" + endpoint.getPort() + "/");
        HttpClient http = HttpClient.newHttpClient();
        String tasks = http.send(HttpRequest.newBuilder(api.resolve("api/v1/tasks")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String task = tasks.replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(api.resolve("api/v1/tasks/" + task + "/progress"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", "smoke-" + UUID.randomUUID().toString().substring(0, 8))
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"受阻\",\"percent\":10,\"progress\":\"LocalStack 冒烟测试\",\"problems\":\"用地指标未落实\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);

        http.send(HttpRequest.newBuilder(endpoint.resolve("/_aws/ses")).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        try (LambdaClient lambda = LambdaClient.builder().endpointOverride(endpoint).region(region)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            for (var job : Map.of("AlertScanFunction", "{\"job\":\"alert-scan\"}",
                    "WeeklySummaryFunction", "{\"job\":\"weekly-summary\"}").entrySet()) {
                InvokeResponse r = lambda.invoke(b -> b.functionName(functionName(job.getKey()))
                        .payload(SdkBytes.fromUtf8String(job.getValue())));
                assertThat(r.functionError()).as(job.getKey() + ": " + r.payload().asUtf8String()).isNull();
            }
        }
        String mail = http.send(HttpRequest.newBuilder(endpoint.resolve("/_aws/ses")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(mail).as("messages in LocalStack SES").contains("\"Id\"");
    }
}
