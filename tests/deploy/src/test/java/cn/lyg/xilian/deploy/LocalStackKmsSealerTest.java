package cn.lyg.xilian.deploy;

import cn.lyg.xilian.core.chat.SecretSealer;
import cn.lyg.xilian.kms.KmsSealer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 群机器人's KMS sealer against LocalStack's KMS (issue 26): a webhook sealed for one audience opens for it and for no
 * other (the encryption context), and the sealed text holds nothing of the URL.
 */
class LocalStackKmsSealerTest {

    @Test
    void aSealedWebhookOpensForItsAudienceOnly() {
        Assumptions.assumeTrue(LocalStackConfig.endpoint().isPresent(), LocalStackConfig.SKIP_REASON);
        URI endpoint = LocalStackConfig.endpoint().orElseThrow();
        try (KmsClient kms = KmsClient.builder().endpointOverride(endpoint).region(Region.CN_NORTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            String keyId = kms.createKey(b -> b.description("xilian robots test")).keyMetadata().keyId();
            KmsSealer sealer = new KmsSealer(kms, keyId);
            String webhook = "https://oapi.dingtalk.com/robot/send?access_token=localstack0123456789";
            String sealed = sealer.seal(webhook, "robot:unit:guanyun:webhook");
            assertThat(sealed).startsWith(KmsSealer.PREFIX).doesNotContain("localstack0123456789");
            assertThat(sealer.open(sealed, "robot:unit:guanyun:webhook")).isEqualTo(webhook);
            assertThatThrownBy(() -> sealer.open(sealed, "robot:unit:donghai:webhook"))
                    .isInstanceOf(SecretSealer.SealedValueException.class)
                    .hasMessageNotContaining("localstack0123456789");
        }
    }
}
