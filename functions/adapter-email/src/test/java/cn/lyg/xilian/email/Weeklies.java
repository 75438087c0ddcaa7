package cn.lyg.xilian.email;

import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.calendar.MissingCalendar;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.report.Ledger;
import cn.lyg.xilian.core.report.Lines.Completion;
import cn.lyg.xilian.core.report.Lines.CompletionGroup;
import cn.lyg.xilian.core.report.Lines.Headline;
import cn.lyg.xilian.core.report.Lines.InstructionLine;
import cn.lyg.xilian.core.report.Lines.MissingReport;
import cn.lyg.xilian.core.report.Lines.PairStatusLine;
import cn.lyg.xilian.core.report.Lines.RedItem;
import cn.lyg.xilian.core.report.Lines.StatusChange;
import cn.lyg.xilian.core.report.Lines.SubmissionLine;
import cn.lyg.xilian.core.report.Lines.TargetProgress;
import cn.lyg.xilian.core.report.Lines.TaskRef;
import cn.lyg.xilian.core.report.Lines.UnreviewedReport;
import cn.lyg.xilian.core.report.Lines.UpcomingDeadline;
import cn.lyg.xilian.core.report.ReportWeek;
import cn.lyg.xilian.core.report.StatusSnapshot;
import cn.lyg.xilian.core.report.UnitDigest;
import cn.lyg.xilian.core.report.WeeklySummary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A weekly summary with every section filled (long plan titles, a missing calendar), and its unit digest. */
final class Weeklies {

    static final ReportWeek W47 = new ReportWeek(LocalDate.of(2026, 11, 16));
    private static final String TITLE = "推动两市产业链供应链深度对接，共建无锡—连云港产业合作园区并引进重点项目";
    private static final String LONG_URL_TEXT = "进展见 https://xilian.example.cn/evidence/2026/3.1.1/long-file-name-without-any-break.pdf";

    private Weeklies() {
    }

    static WeeklySummary everySection() {
        LocalDate on = LocalDate.of(2026, 11, 18);
        Instant at = Instant.parse("2026-11-18T02:00:00Z");
        SubmissionLine blocked = new SubmissionLine("3.1.1", TITLE, "ganyu", "赣榆区", at, on, ProgressStatus.BLOCKED, 55,
                "签约推迟，等待省级审批。" + LONG_URL_TEXT);
        SubmissionLine done = new SubmissionLine("2.8", "开展干部双向挂职", "donghai", "东海县", at, on, ProgressStatus.DONE, 100, "已完成");
        List<CompletionGroup> sections = List.of(new CompletionGroup("3.1", "深化产业领域帮扶合作", 12, 3, 46),
                new CompletionGroup("3.2", "深化科技领域帮扶合作", 8, 8, 100));
        TaskRef open = new TaskRef("3.1.1", TITLE, LocalDate.of(2026, 12, 10));
        List<UpcomingDeadline> upcoming = List.of(new UpcomingDeadline("3.1.1", TITLE, LocalDate.of(2026, 12, 10), "完成时限", 18,
                List.of("赣榆区", "东海县", "灌云县", "灌南县")));
        List<PairStatusLine> pairs = List.of(
                new PairStatusLine("3.1.1", TITLE, LocalDate.of(2026, 12, 10), ProgressStatus.BLOCKED, 55, Light.RED,
                        List.of("单位上报受阻", "按期应达80%，实际55%")),
                new PairStatusLine("3.2.1", "共建科技创新平台", LocalDate.of(2026, 12, 31), ProgressStatus.IN_PROGRESS, 70, Light.YELLOW, List.of("临近截止")),
                new PairStatusLine("3.2.2", "开展人才交流", LocalDate.of(2026, 12, 31), null, null, Light.GREEN, List.of()));
        UnitDigest ganyu = new UnitDigest(2026, "plan", W47, W47.sunday(), "ganyu", "赣榆区", List.of(blocked), pairs, upcoming,
                List.of(open), List.of(new InstructionLine("3.1.1", TITLE, "请于12月10日前报送签约进展。", on)));
        return new WeeklySummary(2026, "plan", W47, W47.sunday(), new Headline(44, 30, 10, 4, 3, 2, 5), sections, sections,
                List.of(new CompletionGroup("ganyu", "赣榆区", 20, 5, 61)), List.of(blocked, done),
                List.of(new StatusChange("3.1.1", TITLE, "ganyu", "赣榆区", ProgressStatus.IN_PROGRESS, ProgressStatus.BLOCKED)),
                List.of(new Completion("2.8", "开展干部双向挂职", "donghai", "东海县", on)),
                List.of(new MissingReport("guanyun", "灌云县", List.of(open, new TaskRef("3.2.1", "共建科技创新平台", LocalDate.of(2026, 12, 31))))),
                List.of(new RedItem("3.1.1", TITLE, "ganyu", "赣榆区", List.of("单位上报受阻", "按期应达80%，实际55%"))),
                upcoming,
                List.of(new TargetProgress("3.1.1", TITLE, "ganyu", "赣榆区", "签约项目", "个", new BigDecimal("10"),
                                new BigDecimal("3"), new BigDecimal("8.5"), new BigDecimal("5.5")),
                        new TargetProgress("3.1.1", TITLE, "donghai", "东海县", "完成投资", "亿元", new BigDecimal("10"),
                                new BigDecimal("9"), new BigDecimal("8.5"), new BigDecimal("-0.5"))),
                false, new StatusSnapshot(Map.of()), new Ledger(2026, "plan", W47.sunday(), List.of()), List.of(ganyu),
                List.of(new UnreviewedReport("3.1.1", TITLE, "赣榆区", on, 3)), List.of(blocked), new MissingCalendar(2027, false));
    }
}
