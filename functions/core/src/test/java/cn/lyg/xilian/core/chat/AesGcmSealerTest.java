package cn.lyg.xilian.core.chat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AesGcmSealerTest {

    final AesGcmSealer sealer = new AesGcmSealer(AesGcmSealer.newKey());

    @Test
    void aSealedValueOpensForItsContextOnly() {
        String sealed = sealer.seal("https://oapi.dingtalk.com/robot/send?access_token=abc123", "robot:coordinators:webhook");
        assertThat(sealed).startsWith(AesGcmSealer.PREFIX).doesNotContain("abc123").doesNotContain("dingtalk");
        assertThat(sealer.open(sealed, "robot:coordinators:webhook"))
                .isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=abc123");
        assertThatThrownBy(() -> sealer.open(sealed, "robot:unit:ganyu:webhook"))
                .isInstanceOf(SecretSealer.SealedValueException.class).hasMessageNotContaining("abc123");
        assertThatThrownBy(() -> new AesGcmSealer(AesGcmSealer.newKey()).open(sealed, "robot:coordinators:webhook"))
                .isInstanceOf(SecretSealer.SealedValueException.class);
    }

    @Test
    void sealingTwiceGivesTwoValuesAndAnAlteredOneDoesNotOpen() {
        String a = sealer.seal("SECabc", "c");
        assertThat(sealer.seal("SECabc", "c")).isNotEqualTo(a);
        char[] chars = a.toCharArray();
        int i = chars.length - 6;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> sealer.open(new String(chars), "c")).isInstanceOf(SecretSealer.SealedValueException.class);
        assertThatThrownBy(() -> sealer.open("kms:xyz", "c")).isInstanceOf(SecretSealer.SealedValueException.class);
    }

    @Test
    void theMaskedWebhookHidesTheQueryAndAPathToken() {
        assertThat(new ChatRobot(ChatVendor.WECOM, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6", null)
                .maskedWebhook()).isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?…");
        assertThat(new ChatRobot(ChatVendor.FEISHU,
                "https://open.feishu.cn/open-apis/bot/v2/hook/2b6e7a3c-0f1d-4c39-9a8e-5d1f0c7b9e21", "s").maskedWebhook())
                .isEqualTo("https://open.feishu.cn/open-apis/bot/v2/hook/2b6e…");
        assertThat(new ChatRobot(ChatVendor.DINGTALK, "https://oapi.dingtalk.com/robot/send?access_token=x", null)
                .maskedWebhook()).isEqualTo("https://oapi.dingtalk.com/robot/send?…");
    }
}
