package cn.lyg.xilian.core.chat;

import cn.lyg.xilian.core.alert.AlertDigest;
import cn.lyg.xilian.core.alert.AlertLine;
import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.alert.Rule;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Review;
import cn.lyg.xilian.core.progress.ReviewDecision;
import cn.lyg.xilian.core.supervision.ReturnNotice;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChatComposerTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);
    private final ChatComposer composer = new ChatComposer("https://xilian.example.cn/");

    /** {@code n} tasks of the coordinators' digest, every third red, with long titles (about 190 bytes each). */
    private static AlertDigest digest(int n) {
        List<AlertLine> lines = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Light light = i % 3 == 0 ? Light.RED : Light.YELLOW;
            Rule rule = light == Light.RED ? Rule.OVERDUE : Rule.APPROACHING;
            lines.add(new AlertLine("2026|" + i + "|ganyu|" + rule + "|x", "1." + i,
                    "推进全市重点项目建设第" + i + "项任务并按期完成年度投资计划目标", "ganyu", "赣榆区",
                    AS_OF.plusDays(i), i, ProgressStatus.IN_PROGRESS, 50, light, rule, "距完成时限" + i + "天"));
        }
        return AlertDigest.of(Audience.COORDINATORS, "市发改委", List.of(), AS_OF, lines);
    }

    @Test
    void anAlertDigestCountsByLightListsTheWorstAndLinksTheBoard() {
        ChatMessage message = composer.alerts(ChatVendor.DINGTALK, digest(4));

        assertThat(message.title()).isEqualTo("督办提醒：市发改委 2026-12-01");
        assertThat(message.markdown()).contains("红灯 **1** 项，黄灯 **3** 项（共 4 项任务）");
        List<String> items = message.markdown().lines().filter(l -> l.startsWith("- ")).toList();
        assertThat(items).hasSize(4);
        assertThat(items.getFirst()).as("the red (overdue) task first")
                .startsWith("- **【红】** [1.3 推进全市重点项目建设第3项").contains("(https://xilian.example.cn/tasks/1.3)")
                .contains("（赣榆区）：逾期");
        assertThat(message.markdown().lines().toList().getLast())
                .isEqualTo("[到系统查看](https://xilian.example.cn/board?light=NOT_GREEN&sort=risk)");
    }

    @Test
    void aLongDigestKeepsWholeLinesWithinEachVendorsLimitAndSaysHowManyAreLeftOut() {
        AlertDigest digest = digest(60);
        for (ChatVendor vendor : ChatVendor.values()) {
            ChatMessage message = composer.alerts(vendor, digest);
            int bytes = message.markdown().getBytes(StandardCharsets.UTF_8).length;
            assertThat(bytes).as(vendor + " bytes").isLessThanOrEqualTo(ChatComposer.limitBytes(vendor));
            List<String> items = message.markdown().lines().filter(l -> l.startsWith("- ")).toList();
            assertThat(items).as(vendor + " items").hasSizeLessThanOrEqualTo(ChatComposer.MAX_ITEMS).isNotEmpty();
            // every line shown is a whole line of the full list (nothing cut), and the count of the rest is right
            assertThat(message.markdown()).contains("另有" + (60 - items.size()) + "项未列出，[到系统查看](https://xilian.example.cn/board?");
            for (String item : items) {
                assertThat(item).endsWith("天");
            }
        }
    }

    @Test
    void theWecomLimitLeavesOutLinesRatherThanCuttingOne() {
        // 10 lines of ~1 KB each: only a few fit in 4,096 bytes
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add("- 第" + i + "行" + "很长的说明".repeat(60));
        }
        ChatMessage message = ChatComposer.fit(ChatVendor.WECOM, "标题", List.of("### 标题"), items, "https://x/board");
        assertThat(message.bytes()).isLessThanOrEqualTo(4096);
        List<String> shown = message.markdown().lines().filter(l -> l.startsWith("- ")).toList();
        assertThat(items).containsAll(shown);
        assertThat(shown).hasSizeBetween(1, 4);
        assertThat(message.markdown()).contains("另有" + (10 - shown.size()) + "项未列出");
        ChatMessage feishu = ChatComposer.fit(ChatVendor.FEISHU, "标题", List.of("### 标题"), items, "https://x/board");
        assertThat(feishu.markdown().lines().filter(l -> l.startsWith("- "))).as("飞书 takes all ten").hasSize(10);
    }

    @Test
    void textFromThePlanOrPeopleCannotOpenLinksOrHtml() {
        List<AlertLine> lines = List.of(new AlertLine("k", "1.1", "标题](https://evil.example)<b>*粗*</b>\n# 头",
                "ganyu", "赣榆区", AS_OF, 3, null, null, Light.YELLOW, Rule.APPROACHING, "理由"));
        ChatMessage message = composer.alerts(ChatVendor.WECOM,
                AlertDigest.of(Audience.unit("ganyu"), "赣榆区", List.of(), AS_OF, lines));
        assertThat(message.markdown()).doesNotContain("evil.example)").doesNotContain("<b>").doesNotContain("\n# 头")
                .contains("标题］（https://evil.example）＜b＞＊粗＊＜/b＞ ＃ 头")
                .contains("(https://xilian.example.cn/board?unit=ganyu&light=NOT_GREEN&sort=risk)");
    }

    @Test
    void aReturnNoticeLinksTheTaskAndLeavesOutAReasonTooLongRatherThanCutIt() {
        Review review = new Review(2026, "1.1", "ganyu", "s-1", ReviewDecision.RETURNED, "请补充佐证材料", "r-1",
                Instant.parse("2026-11-23T01:00:00Z"));
        ReturnNotice notice = new ReturnNotice(review, SubmissionBuilder.submission("1.1", "ganyu").build(),
                "重点项目建设", "赣榆区", List.of());
        ChatMessage message = composer.returned(ChatVendor.WECOM, notice);
        assertThat(message.markdown()).contains("[1.1 重点项目建设](https://xilian.example.cn/tasks/1.1)")
                .contains("> 退回原因：请补充佐证材料");

        Review verbose = new Review(2026, "1.1", "ganyu", "s-1", ReviewDecision.RETURNED, "说明".repeat(1000), "r-1",
                Instant.parse("2026-11-23T01:00:00Z"));
        ChatMessage fitted = composer.returned(ChatVendor.WECOM, new ReturnNotice(verbose, notice.submission(),
                "重点项目建设", "赣榆区", List.of()));
        assertThat(fitted.bytes()).isLessThanOrEqualTo(4096);
        assertThat(fitted.markdown()).doesNotContain("退回原因").contains("另有1项未列出")
                .contains("(https://xilian.example.cn/tasks/1.1)");
    }
}
