package cn.lyg.xilian.chat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fixed vectors: a stated timestamp and secret give the stated signature. Neither vendor publishes a vector (their
 * documentation's examples sign the current time), so these were computed independently of this code, in a shell:
 * <pre>
 * printf '1700000000000\nSECd4b3a1f0c2e5' | openssl dgst -sha256 -hmac 'SECd4b3a1f0c2e5' -binary | base64
 *   → ofd3BTchDrq6kA1wT9eUzJ4bwvPpJVdYLqG+P8vOE+g=   (then URL-encoded, as Python's urllib.parse.quote_plus does)
 * printf '' | openssl dgst -sha256 -mac HMAC -macopt "key:$(printf '1700000000\nfeishu-secret-42')" -binary | base64
 *   → INMLa6ItJbhwdRZRoTvT3OZMtlY5WjmWq4F2Jscs314=
 * </pre>
 * and checked with Python's hmac module, following the definitions the vendors document (钉钉 自定义机器人 安全设置 加签:
 * HmacSHA256 keyed with the secret over {@code timestamp + "\n" + secret}, Base64, then urlEncode; 飞书 自定义机器人
 * 签名校验: HmacSHA256 keyed with {@code timestamp + "\n" + secret} over an empty message, Base64).
 */
class SignaturesTest {

    @Test
    void dingtalkSignsTheMillisecondTimestampAndSecretWithTheSecretThenUrlEncodes() {
        assertThat(Signatures.dingtalk(1_700_000_000_000L, "SECd4b3a1f0c2e5"))
                .isEqualTo("ofd3BTchDrq6kA1wT9eUzJ4bwvPpJVdYLqG%2BP8vOE%2Bg%3D");
    }

    @Test
    void feishuSignsAnEmptyMessageWithTheSecondsTimestampAndSecretAsKey() {
        assertThat(Signatures.feishu(1_700_000_000L, "feishu-secret-42"))
                .isEqualTo("INMLa6ItJbhwdRZRoTvT3OZMtlY5WjmWq4F2Jscs314=");
    }

    @Test
    void anotherTimestampGivesAnotherSignature() {
        assertThat(Signatures.dingtalk(1_700_000_000_001L, "SECd4b3a1f0c2e5"))
                .isNotEqualTo(Signatures.dingtalk(1_700_000_000_000L, "SECd4b3a1f0c2e5"));
        assertThat(Signatures.feishu(1_700_000_001L, "feishu-secret-42"))
                .isNotEqualTo(Signatures.feishu(1_700_000_000L, "feishu-secret-42"));
    }
}
