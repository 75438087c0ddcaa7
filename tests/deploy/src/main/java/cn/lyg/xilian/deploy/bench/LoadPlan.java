package cn.lyg.xilian.deploy.bench;

import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.wiring.CatalogJson;
import cn.lyg.xilian.dynamodb.DynamoCatalogRepository;
import cn.lyg.xilian.dynamodb.DynamoCredentialRepository;
import cn.lyg.xilian.dynamodb.DynamoDbClientFactory;
import cn.lyg.xilian.dynamodb.DynamoDbSettings;
import cn.lyg.xilian.dynamodb.TableCreator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Creates the table if absent, loads a plan and issues a coordinator credential, printing only the token.
 * For infra/bin/bench-coldstart (dynalite) and infra/localstack/smoke.sh (LocalStack's table).
 * <pre>LoadPlan &lt;endpoint&gt; &lt;region&gt; &lt;table&gt; &lt;plan.json&gt; [--no-create]</pre>
 * Credentials come from the SDK default chain (aws.accessKeyId/… or env).
 */
public final class LoadPlan {

    public static void main(String[] args) throws Exception {
        DynamoDbSettings settings = DynamoDbSettings.of(args[2], URI.create(args[0]), args[1]);
        try (DynamoDbClient client = DynamoDbClientFactory.client(settings)) {
            if (args.length < 5 || !args[4].equals("--no-create")) {
                new TableCreator(client).createIfAbsent(settings.tableName());
            }
            try (InputStream in = Files.newInputStream(Path.of(args[3]))) {
                new DynamoCatalogRepository(client, settings)
                        .load(CatalogJson.read(in));
            }
            String token = new Credentials(new DynamoCredentialRepository(client, settings), Clock.systemUTC())
                    .issue(Role.COORDINATOR, null, Duration.ofDays(1)).token();
            System.out.println(token);
        }
    }
}
