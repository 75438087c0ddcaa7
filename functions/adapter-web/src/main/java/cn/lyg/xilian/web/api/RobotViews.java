package cn.lyg.xilian.web.api;

import cn.lyg.xilian.core.admin.ConfigureRobots.Row;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** 群机器人 in the JSON API: what is shown of a robot (never its webhook's token or its secret) and what is sent. */
public final class RobotViews {

    private RobotViews() {
    }

    @Serdeable
    @Schema(description = "一个群及其机器人（Webhook 只显示去掉令牌的部分，加签密钥只说明是否已设置）")
    public record RobotView(
            @Schema(description = "群：coordinators（统筹人员群）或 unit:<单位代码>", example = "unit:guanyun") String audience,
            @Schema(description = "群的名称") String name,
            @Schema(description = "false：单位已停用，其机器人不会收到消息") boolean active,
            @Schema(description = "机器人类型；未设置时为空", allowableValues = {"WECOM", "DINGTALK", "FEISHU"})
            @Nullable String vendor,
            @Schema(description = "机器人类型的中文名", example = "企业微信") @Nullable String vendorLabel,
            @Schema(description = "去掉令牌的 Webhook", example = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?…")
            @Nullable String maskedWebhook,
            @Schema(description = "是否已设置加签密钥") boolean signed,
            @Schema(description = "修改或移除时须带上；0 表示未设置") long version,
            @Nullable Instant updatedAt,
            @Schema(description = "最近修改人") @Nullable String updatedBy) {
        static RobotView of(Row r) {
            var s = r.setting();
            return new RobotView(r.audience().key(), r.name(), r.active(), s == null ? null : s.vendor().name(),
                    s == null ? null : s.vendor().label(), s == null ? null : s.maskedWebhook(),
                    s != null && s.signed(), r.version(), s == null ? null : s.updatedAt(), r.updatedByName());
        }
    }

    @Serdeable
    @Schema(description = "全部群及其机器人")
    public record RobotsView(@Schema(description = "统筹人员群在前，然后是各单位") List<RobotView> robots) {
    }

    @Schema(description = "设置或替换一个群的机器人")
    public record RobotRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"WECOM", "DINGTALK", "FEISHU"})
            String vendor,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 1000, description = "完整的 Webhook 地址，https",
                    example = "https://oapi.dingtalk.com/robot/send?access_token=…") String webhookUrl,
            @Schema(description = "加签密钥；不填或为空则保留已保存的密钥", maxLength = 200) @Nullable String secret,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "读取时的 version（未设置为 0）；期间被他人修改则 409")
            long version) {
    }

    @Schema(description = "设置机器人的结果")
    public record RobotResult(@Schema(description = "false：本次新保存（201）；true：重试（200）") boolean replayed,
                              RobotView item) {
    }
}
