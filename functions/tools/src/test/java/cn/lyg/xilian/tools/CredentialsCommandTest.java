package cn.lyg.xilian.tools;

import cn.lyg.xilian.core.access.CredentialCheck;
import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.wiring.CatalogJson;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.dynamodb.TableCreator;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(DynaliteExtension.class)
class CredentialsCommandTest {

    @Test
    void issueListRevoke(Dynalite dynalite) throws Exception {
        String table = Dynalite.uniqueTableName("cmd");
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("xilian.dynamodb.endpoint", dynalite.endpoint().toString(),
                "xilian.dynamodb.table", table, "xilian.dynamodb.region", "us-east-1",
                "xilian.web.public-base-url", "https://xilian.example.cn/"))) {
            new TableCreator(ctx.getBean(DynamoDbClient.class)).createIfAbsent(table);
            try (InputStream in = Files.newInputStream(Path.of(System.getProperty("xilian.root", "../.."), "infra/plans/plan-2026.json"))) {
                ctx.getBean(CatalogRepository.class).load(CatalogJson.read(in));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
            assertThat(CredentialsCommand.run(ctx, new String[]{"issue", "nowhere"}, o, e)).isEqualTo(1);
            assertThat(CredentialsCommand.run(ctx, new String[]{"issue", "donghai", "--days", "30"}, o, e)).isEqualTo(0);
            String printed = out.toString(StandardCharsets.UTF_8);
            String token = printed.replaceAll("(?s).*/login\\?token=([A-Za-z0-9_-]{43}).*", "$1");
            assertThat(printed).contains("https://xilian.example.cn/login?token=" + token);
            Credentials credentials = ctx.getBean(Credentials.class);
            assertThat(credentials.authenticate(token)).isInstanceOf(CredentialCheck.Valid.class);

            out.reset();
            assertThat(CredentialsCommand.run(ctx, new String[]{"list", "donghai"}, o, e)).isEqualTo(0);
            String prefix = out.toString(StandardCharsets.UTF_8).substring(0, 12);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("donghai").doesNotContain(token);
            assertThat(CredentialsCommand.run(ctx, new String[]{"revoke", prefix}, o, e)).isEqualTo(0);
            assertThat(credentials.authenticate(token)).isInstanceOf(CredentialCheck.Revoked.class);
        }
    }
}
