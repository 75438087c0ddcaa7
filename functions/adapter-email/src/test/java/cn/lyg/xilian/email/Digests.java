package cn.lyg.xilian.email;

import cn.lyg.xilian.core.alert.AlertDigest;
import cn.lyg.xilian.core.alert.AlertLine;
import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.alert.Rule;
import cn.lyg.xilian.core.progress.ProgressStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

final class Digests {
    static final String HOSTILE = "<script>alert('x')</script> & \"引号\"";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final EmailSettings SETTINGS =
            new EmailSettings("alerts@xilian.example.cn", "锡连帮扶合作进度通", "https://xilian.example.cn/", "xilian.example.cn");

    private Digests() {
    }

    static AlertDigest sample() {
        LocalDate asOf = LocalDate.of(2026, 12, 1);
        List<AlertLine> lines = List.of(
                new AlertLine("2026|1.2|ganyu|OVERDUE|overdue-1", "1.2", "共建产业园区", "ganyu", "赣榆区",
                        LocalDate.of(2026, 11, 30), -1, ProgressStatus.IN_PROGRESS, 80, Light.RED, Rule.OVERDUE,
                        "已逾期1天，进度80%"),
                new AlertLine("2026|1.1|ganyu|APPROACHING|lead-30", "1.1", HOSTILE, "ganyu", "赣榆区",
                        LocalDate.of(2026, 12, 31), 30, null, null, Light.YELLOW, Rule.APPROACHING,
                        "单位上报受阻：" + HOSTILE));
        return AlertDigest.of(Audience.unit("ganyu"), "赣榆区", List.of("ganyu@example.cn", "fgw@example.cn"), asOf, lines);
    }

    /** One task of one unit with two rules (逾期 and 进度滞后): one row. */
    static AlertDigest unitWithTwoRulesOnOneTask() {
        List<AlertLine> lines = List.of(
                new AlertLine("2026|1.2|ganyu|OVERDUE|overdue-1", "1.2", "共建产业园区", "ganyu", "赣榆区",
                        LocalDate.of(2026, 11, 30), -1, ProgressStatus.IN_PROGRESS, 20, Light.RED, Rule.OVERDUE,
                        "已逾期1天，进度20%"),
                new AlertLine("2026|1.2|ganyu|BEHIND|behind-2026-11-30", "1.2", "共建产业园区", "ganyu", "赣榆区",
                        LocalDate.of(2026, 11, 30), -1, ProgressStatus.IN_PROGRESS, 20, Light.RED, Rule.BEHIND,
                        "按期应达90%，实际20%"));
        return AlertDigest.of(Audience.unit("ganyu"), "赣榆区", List.of("ganyu@example.cn"), LocalDate.of(2026, 12, 1), lines);
    }

    /**
     * The coordinators' digest with every (task, unit) pair alerting: task i has rule i % 4 (逾期, 受阻/滞后, 进度滞后,
     * 临近) for every unit, red for the first two.
     */
    static AlertDigest coordinatorsEveryPair(int tasks, int units) {
        List<Rule> rules = List.of(Rule.APPROACHING, Rule.BEHIND, Rule.REPORTED_BLOCKED, Rule.OVERDUE);
        List<AlertLine> lines = new java.util.ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            Rule rule = rules.get(t % 4);
            Light light = rule == Rule.OVERDUE || rule == Rule.REPORTED_BLOCKED ? Light.RED : Light.YELLOW;
            for (int u = 0; u < units; u++) {
                lines.add(new AlertLine("2026|task-" + t + "|u" + u + "|" + rule, "task-" + t, "任务" + t, "u" + u,
                        "单位" + u, LocalDate.of(2026, 12, 31), 10, ProgressStatus.IN_PROGRESS, 30, light, rule,
                        rule.label() + "：原因" + t));
            }
        }
        return AlertDigest.of(Audience.COORDINATORS, "市发改委", List.of("fgw@example.cn"), LocalDate.of(2026, 12, 21), lines);
    }
}
