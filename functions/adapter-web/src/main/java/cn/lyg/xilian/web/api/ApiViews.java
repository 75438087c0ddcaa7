package cn.lyg.xilian.web.api;

import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Target;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.catalog.UnitKind;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.view.Inbox;
import cn.lyg.xilian.core.view.TaskList;
import cn.lyg.xilian.core.yearend.YearSummary;
import cn.lyg.xilian.web.Display;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of /api/v1. Separate from the domain records so the API can stay stable when they change. The
 * {@code @Schema} descriptions are the OpenAPI document's (Chinese, for the integrating units; ApiDocs).
 */
public final class ApiViews {

    private ApiViews() {
    }

    @Serdeable
    @Schema(description = "责任单位")
    public record UnitView(@Schema(description = "单位编号，如 donghai") String id,
                           @Schema(description = "单位名称") String name,
                           @Schema(description = "类别", implementation = UnitKind.class) String kind,
                           @Schema(description = "类别的中文名：县区、市级部门、园区基地、工作队") String kindLabel) {
        static UnitView of(Unit u) {
            return new UnitView(u.id(), u.name(), u.kind().name(), u.kind().label());
        }
    }

    @Serdeable
    @Schema(description = "一次进展填报（空值和空对象不输出）")
    public record SubmissionView(String taskId, String unitId,
                                 @Schema(description = "填报时的 Idempotency-Key，即这次填报的键（审核、佐证材料用它指称这次填报）")
                                 String idempotencyKey,
                                 @Schema(description = "状态", implementation = ProgressStatus.class) String status,
                                 @Schema(description = "状态的中文名：未启动、推进中、已完成、滞后、受阻") String statusLabel,
                                 @Schema(description = "完成百分比，0到100") int percent,
                                 @Schema(description = "指标编号（如 t1）→ 完成数值") Map<String, BigDecimal> figures,
                                 @Schema(description = "进展情况") String progress,
                                 @Schema(description = "存在问题") @Nullable String problems,
                                 @Schema(description = "下步打算") @Nullable String nextSteps,
                                 @Schema(description = "填报人") @Nullable String reporter,
                                 @Schema(description = "联系电话") @Nullable String phone,
                                 @Schema(description = "填报时间（UTC）") Instant submittedAt) {
        static SubmissionView of(Submission s) {
            return new SubmissionView(s.taskId(), s.unitId(), s.idempotencyKey(), s.status().name(),
                    s.status().label(), s.percent(), s.figures(), s.progress(), s.problems(), s.nextSteps(),
                    s.reporter(), s.phone(), s.submittedAt());
        }
    }

    /**
     * @param deadline     the unit's effective deadline: an approved extension, else the plan's
     * @param deadlineText the same in Chinese, with the plan's date beside an extension ("原定12月31日，经批准延期至…")
     */
    @Serdeable
    @Schema(description = "一个责任单位在该任务上的现状")
    public record UnitState(String unitId, String unitName,
                            @Schema(description = "最新一次填报；从未填报时不输出") @Nullable SubmissionView latest,
                            @Schema(description = "本单位的有效完成时限：有批准的延期时为延期后的日期，否则为计划的日期")
                            LocalDate deadline,
                            @Schema(description = "完成时限的中文写法，有延期时并列原定日期，如“原定12月31日，经批准延期至2027年1月31日”")
                            String deadlineText) {
    }

    @Serdeable
    @Schema(description = "计划中的一项任务及各责任单位的现状")
    public record TaskView(@Schema(description = "任务编号，如 2.8") String id,
                           @Schema(description = "所属部分的编号，如 2") String sectionId,
                           @Schema(description = "任务名称") String title,
                           @Schema(description = "计划原文") String text,
                           @Schema(description = "责任单位编号") List<String> unitIds,
                           @Schema(description = "计划的完成时限") LocalDate deadline,
                           @Schema(description = "距计划完成时限的天数（北京时间），逾期为负数") long daysLeft,
                           @Schema(description = "量化指标；填报时 figures 的键为指标编号 id") List<Target> targets,
                           @Schema(description = "调用方可见的各责任单位现状") List<UnitState> states) {
        /** A task with each unit's latest report and effective deadline, names and days left as the pages show them. */
        static TaskView of(Plan plan, TaskList.Item item, Display display) {
            PlanTask t = item.task();
            List<UnitState> states = item.units().stream().map(u -> new UnitState(u.unitId(),
                    display.unitName(plan, u.unitId()), u.latest() == null ? null : SubmissionView.of(u.latest()),
                    u.deadline().effective(), u.deadline().text())).toList();
            return new TaskView(t.id(), t.sectionId(), t.title(), t.text(), t.unitIds(), t.deadline(),
                    display.daysLeft(t.deadline()), item.targets(), states);
        }
    }

    /**
     * Both history fields are always written, also when empty or null: serde leaves out empty and null values by
     * default ({@code micronaut.serde.serialization.inclusion: NON_EMPTY}), and a client tells the last page by
     * {@code "historyNext": null}.
     *
     * @param history     newest first, one page (size {@code limit}) over the units the caller may see
     * @param historyNext opaque cursor of the next (older) page: {@code ?cursor=…}; null on the last page
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(description = "任务详情和一页填报历史")
    public record TaskDetail(TaskView task,
                             @Schema(description = "填报历史，新的在前，一页 limit 条，含调用方可见的全部单位；没有时为 []")
                             List<SubmissionView> history,
                             @Schema(description = "下一页（更早）的游标，作为 cursor 参数传回；最后一页为 null")
                             @Nullable String historyNext) {
    }

    /**
     * Result of a submission. 201 with replayed=false when stored; 200 with replayed=true and the original
     * submission when the same Idempotency-Key and content arrive again.
     */
    @Serdeable
    @Schema(description = "填报结果")
    public record SubmitResult(@Schema(description = "false：本次新保存（201）；true：同一 Idempotency-Key 的重试，"
                                       + "返回原先保存的填报（200）")
                               boolean replayed,
                               SubmissionView submission) {
    }

    @Serdeable
    @Schema(description = "待办：等待处理的事项，等待最久的在前")
    public record InboxView(@Schema(description = "计算日（北京时间）") LocalDate asOf,
                            @Schema(description = "不加筛选的总件数") int total,
                            @Schema(description = "不加筛选时待统筹人员审核、审批的件数（页面顶部“待办 N”）") int forCoordinators,
                            @Schema(description = "筛选单位和板块后各类别的件数，键为类别") Map<String, Integer> counts,
                            @Schema(description = "事项") List<InboxItemView> items) {
        static InboxView of(Inbox inbox) {
            Map<String, Integer> counts = new java.util.LinkedHashMap<>();
            for (Inbox.Kind k : Inbox.Kind.values()) {
                counts.put(k.name(), inbox.counts().getOrDefault(k, 0));
            }
            return new InboxView(inbox.asOf(), inbox.total(), inbox.forCoordinators(), counts,
                    inbox.items().stream().map(InboxItemView::of).toList());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "一件待办")
    public record InboxItemView(
            @Schema(description = "类别", allowableValues = {"REVIEW", "EXTENSION", "RETURNED", "SILENT", "UNREAD"})
            String kind,
            @Schema(description = "类别的中文名，如 待审核") String kindLabel,
            @Schema(description = "任务编号") String taskId,
            @Schema(description = "任务名称") String taskTitle,
            @Schema(description = "涉及的单位编号（督办意见未读时可有多个）") List<String> unitIds,
            @Schema(description = "开始等待的时间；从未填报的单位没有") @Nullable Instant since,
            @Schema(description = "已等待的整天数（北京时间）；从未填报的单位自计划年度开始算") long ageDays,
            @Schema(description = "说明，如填报的状态和进度、申请的日期和理由") String detail,
            @Schema(description = "处理它的网页地址（相对地址）") String href) {
        static InboxItemView of(Inbox.Item i) {
            return new InboxItemView(i.kind().name(), i.kind().label(), i.task().id(), i.task().title(), i.unitIds(),
                    i.since(), i.ageDays(), i.detail(),
                    cn.lyg.xilian.web.InboxPage.taskLink(i));
        }
    }

    @Serdeable
    @Schema(description = "年度总结：一个计划年度截至某日的最终情况（与网页“年度总结”及其 Excel、Word 文件相同）")
    public record YearSummaryView(@Schema(description = "计划年度") int year,
                                  @Schema(description = "计划名称") String planTitle,
                                  @Schema(description = "截至日期（北京时间）") LocalDate asOf,
                                  TotalsView totals,
                                  @Schema(description = "各单位合计，按排名（第1名在前）") List<UnitLineView> units,
                                  @Schema(description = "各项任务各责任单位的完成情况，按计划中的顺序") List<PairLineView> pairs,
                                  @Schema(description = "存在问题，按单位（排名顺序）汇总：各单位每项任务最近一次填报的存在问题")
                                  List<UnitProblemsView> problems) {
        static YearSummaryView of(YearSummary s) {
            return new YearSummaryView(s.planYear(), s.planTitle(), s.asOf(), TotalsView.of(s.totals()),
                    s.units().stream().map(UnitLineView::of).toList(), s.pairs().stream().map(PairLineView::of).toList(),
                    s.problems().stream().map(u -> new UnitProblemsView(u.unitId(), u.unitName(), u.items().stream()
                            .map(p -> new ProblemView(p.taskId(), p.taskTitle(), p.reportedOn(), p.text())).toList()))
                            .toList());
        }
    }

    @Serdeable
    @Schema(description = "完成情况的计数，以单位任务（一项任务的一个责任单位，“项次”）计")
    public record CountsView(@Schema(description = "单位任务数") int pairs,
                             @Schema(description = "已完成（按期和逾期）") int done,
                             @Schema(description = "按期完成（有批准延期的，按延期后的时限）") int onTime,
                             @Schema(description = "逾期完成") int late,
                             @Schema(description = "逾期未完成") int overdue,
                             @Schema(description = "达标的量化指标数") int targetsAchieved,
                             @Schema(description = "量化指标数") int targets) {
    }

    @Serdeable
    @Schema(description = "总体情况")
    public record TotalsView(@Schema(description = "任务数") int tasks,
                             @Schema(description = "责任单位数") int units,
                             CountsView counts,
                             @Schema(description = "按期完成中经批准延期后按期的") int onTimeExtended,
                             @Schema(description = "尚未到期、未完成") int open,
                             @Schema(description = "有批准延期的单位任务") int extended,
                             @Schema(description = "全年进度填报次数") int reports,
                             @Schema(description = "全年未填报的单位任务") int neverReported) {
        static TotalsView of(YearSummary.Totals t) {
            return new TotalsView(t.tasks(), t.units(), new CountsView(t.pairs(), t.done(), t.onTime(), t.late(),
                    t.overdue(), t.targetsAchieved(), t.targets()), t.onTimeExtended(), t.open(), t.extended(),
                    t.reports(), t.neverReported());
        }
    }

    @Serdeable
    @Schema(description = "一个单位的合计和名次。排名：按期完成率（含批准延期）高者在前；相同时看完成率；再相同时逾期未完成少者"
            + "在前；仍相同时按计划中的单位顺序")
    public record UnitLineView(@Schema(description = "名次，1为第一") int rank, String unitId, String unitName,
                               CountsView counts,
                               @Schema(description = "按期完成率（百分数，一位小数）") BigDecimal onTimeShare) {
        static UnitLineView of(YearSummary.UnitLine u) {
            return new UnitLineView(u.rank(), u.unitId(), u.unitName(), new CountsView(u.pairs(), u.done(), u.onTime(),
                    u.late(), u.overdue(), u.targetsAchieved(), u.targets()), u.onTimeShare());
        }
    }

    @Serdeable
    @Schema(description = "一项任务一个责任单位的最终情况")
    public record PairLineView(String taskId, String taskTitle, String unitId, String unitName,
                               @Schema(description = "最近一次填报的状态（中文），未填报为“未填报”") String status,
                               @Schema(description = "最近一次填报的完成百分比") int percent,
                               @Schema(description = "量化指标：填报数值对照目标") List<TargetLineView> targets,
                               @Schema(description = "有效完成时限（有批准延期时为延期后的日期）") LocalDate deadline,
                               @Schema(description = "时限是否为批准的延期") boolean extended,
                               @Schema(description = "完成日期（未完成时不输出）") @Nullable LocalDate finishedOn,
                               @Schema(description = "按期情况", allowableValues = {"ON_TIME", "LATE", "OVERDUE", "OPEN"})
                               String timeliness,
                               @Schema(description = "按期情况的中文名：按期完成、逾期完成、逾期未完成、未到期") String timelinessLabel,
                               @Schema(description = "全年填报次数") int reports,
                               @Schema(description = "最近一次填报的审核：通过、退回、未审核；未填报为“—”") String review) {
        static PairLineView of(YearSummary.PairLine p) {
            return new PairLineView(p.taskId(), p.taskTitle(), p.unitId(), p.unitName(), p.status(), p.percent(),
                    p.targets().stream().map(t -> new TargetLineView(t.metric(), t.measure(), t.minimum(), t.reported(),
                            t.achieved())).toList(), p.deadline(), p.extended(), p.finishedOn(), p.timeliness().name(),
                    p.timeliness().label(), p.reports(), p.review());
        }
    }

    @Serdeable
    @Schema(description = "一个量化指标：填报数值对照目标（最低值）")
    public record TargetLineView(String metric, String measure, BigDecimal minimum,
                                 @Schema(description = "最近一次填报的数值，从未填报时不输出") @Nullable BigDecimal reported,
                                 @Schema(description = "是否达标（填报数值不低于目标）") boolean achieved) {
    }

    @Serdeable
    @Schema(description = "一个单位的存在问题")
    public record UnitProblemsView(String unitId, String unitName, List<ProblemView> items) {
    }

    @Serdeable
    @Schema(description = "一项任务最近一次填报的存在问题")
    public record ProblemView(String taskId, String taskTitle, @Schema(description = "填报日期（北京时间）") LocalDate reportedOn,
                              @Schema(description = "存在问题") String text) {
    }
}
