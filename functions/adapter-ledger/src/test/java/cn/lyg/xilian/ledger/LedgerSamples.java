package cn.lyg.xilian.ledger;

import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.report.Ledger;
import cn.lyg.xilian.core.report.LedgerRow;

import java.time.LocalDate;
import java.util.List;

import static cn.lyg.xilian.core.testdata.SubmissionBuilder.submission;

/** A three-row ledger: an ordinary row, a never-reported row, and one full of hostile text (in its latest report). */
final class LedgerSamples {

    static final String HOSTILE_REASON = "=HYPERLINK(\"http://evil.example/\",\"点我\")";

    private LedgerSamples() {
    }

    static Ledger sample() {
        return new Ledger(2026, "无锡连云港南北结对帮扶合作2026年重点工作计划", LocalDate.of(2026, 11, 22), List.of(
                new LedgerRow("1.1", "共建产业园区，推动“飞地经济”", "统筹开展两市帮扶合作", "", "ganyu", "赣榆区",
                        LocalDate.of(2026, 12, 31), ProgressStatus.IN_PROGRESS, 60, "签约项目：已报7个/目标10个",
                        Light.YELLOW, "进度滞后：按期应达80%，实际60%", LocalDate.of(2026, 11, 17),
                        submission("1.1", "ganyu").progress("园区二期开工").problems("用地指标待批").nextSteps("12月完成招商")
                                .reporter("张三").phone("0518-85800000").build(), 3),
                new LedgerRow("3.1.2", "招商引资", "深化产业领域帮扶合作", "产业", "donghai", "东海县",
                        LocalDate.of(2026, 11, 15), null, null, "", Light.RED, "已逾期7天，尚未填报", null,
                        null, 0),
                new LedgerRow("3.3.1", "+SUM(A1:A9)", "-2+3", "@教育", "evil", "\tcmd|' /C calc'!A0",
                        LocalDate.of(2026, 12, 31), ProgressStatus.BLOCKED, 40, "a,b \"quoted\"\r\nnext line",
                        Light.RED, HOSTILE_REASON, LocalDate.of(2026, 11, 19),
                        submission("3.3.1", "evil").progress("=1+1").problems("+cmd").nextSteps("-2").reporter("@SUM(A1)")
                                .phone("\r=2").build(), 12)));
    }
}
