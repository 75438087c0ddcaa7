package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.report.Lines.Completion;
import cn.lyg.xilian.core.report.Lines.CompletionGroup;
import cn.lyg.xilian.core.report.Lines.Headline;
import cn.lyg.xilian.core.report.Lines.MissingReport;
import cn.lyg.xilian.core.report.Lines.RedItem;
import cn.lyg.xilian.core.report.Lines.StatusChange;
import cn.lyg.xilian.core.report.Lines.SubmissionLine;
import cn.lyg.xilian.core.report.Lines.TargetProgress;
import cn.lyg.xilian.core.report.Lines.UpcomingDeadline;

import cn.lyg.xilian.core.calendar.MissingCalendar;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Everything the weekly mails say, computed once by {@link WeeklySummaryBuilder}.
 *
 * @param asOf              the Sunday ending the week: lights, pro-rata expectations and the 30-day
 *                          window are computed as of this date, so a retry later in the week says the same
 * @param baselineKnown     false when the previous week's snapshot was missing: status changes then
 *                          only cover moves between submissions inside the week
 * @param endOfWeekStatuses saved with this week's digests; the next week's baseline
 * @param unitDigests       only units with something to say (see {@link UnitDigest#hasSomethingToSay()})
 * @param unreviewed        latest reports not reviewed within the configured working days, oldest first
 * @param withoutEvidence   the week's reports that came without evidence files (佐证材料), oldest first
 * @param missingCalendar   a year whose official holiday calendar is missing as of the run (the coordinators are
 *                          told); null when none is, and always null from {@link WeeklySummaryBuilder}
 * @param projectedLate     the 黄 pairs of 预计逾期 (the forecast, {@code core.alert.Forecast}), in plan order
 * @param expiringLinks     sign-in links ending soon as of the run (即将到期的登录链接, coordinators only), by date;
 *                          always empty from {@link WeeklySummaryBuilder}
 * @param standing          the units' ranking, their reports' problems and the overdue pairs (the 情况通报's parts)
 */
public record WeeklySummary(int planYear, String planTitle, ReportWeek week, LocalDate asOf, Headline headline,
                            List<CompletionGroup> bySection, List<CompletionGroup> byField,
                            List<CompletionGroup> byUnit, List<SubmissionLine> newSubmissions,
                            List<StatusChange> statusChanges, List<Completion> completions,
                            List<MissingReport> missingReports, List<RedItem> redItems,
                            List<UpcomingDeadline> upcomingDeadlines, List<TargetProgress> targets,
                            boolean baselineKnown, StatusSnapshot endOfWeekStatuses, Ledger ledger,
                            List<UnitDigest> unitDigests, List<Lines.UnreviewedReport> unreviewed,
                            List<SubmissionLine> withoutEvidence,
                            @Nullable MissingCalendar missingCalendar, List<RedItem> projectedLate,
                            List<ExpiringLinks.Link> expiringLinks, Standing standing) {

    public WeeklySummary(int planYear, String planTitle, ReportWeek week, LocalDate asOf, Headline headline,
                         List<CompletionGroup> bySection, List<CompletionGroup> byField,
                         List<CompletionGroup> byUnit, List<SubmissionLine> newSubmissions,
                         List<StatusChange> statusChanges, List<Completion> completions,
                         List<MissingReport> missingReports, List<RedItem> redItems,
                         List<UpcomingDeadline> upcomingDeadlines, List<TargetProgress> targets,
                         boolean baselineKnown, StatusSnapshot endOfWeekStatuses, Ledger ledger,
                         List<UnitDigest> unitDigests, List<Lines.UnreviewedReport> unreviewed,
                         List<SubmissionLine> withoutEvidence,
                         @Nullable MissingCalendar missingCalendar, List<RedItem> projectedLate) {
        this(planYear, planTitle, week, asOf, headline, bySection, byField, byUnit, newSubmissions, statusChanges,
                completions, missingReports, redItems, upcomingDeadlines, targets, baselineKnown, endOfWeekStatuses,
                ledger, unitDigests, unreviewed, withoutEvidence, missingCalendar, projectedLate, List.of(), Standing.NONE);
    }

    public WeeklySummary(int planYear, String planTitle, ReportWeek week, LocalDate asOf, Headline headline,
                         List<CompletionGroup> bySection, List<CompletionGroup> byField,
                         List<CompletionGroup> byUnit, List<SubmissionLine> newSubmissions,
                         List<StatusChange> statusChanges, List<Completion> completions,
                         List<MissingReport> missingReports, List<RedItem> redItems,
                         List<UpcomingDeadline> upcomingDeadlines, List<TargetProgress> targets,
                         boolean baselineKnown, StatusSnapshot endOfWeekStatuses, Ledger ledger,
                         List<UnitDigest> unitDigests, List<Lines.UnreviewedReport> unreviewed,
                         List<SubmissionLine> withoutEvidence, @Nullable MissingCalendar missingCalendar) {
        this(planYear, planTitle, week, asOf, headline, bySection, byField, byUnit, newSubmissions, statusChanges,
                completions, missingReports, redItems, upcomingDeadlines, targets, baselineKnown, endOfWeekStatuses,
                ledger, unitDigests, unreviewed, withoutEvidence, missingCalendar, List.of(), List.of(), Standing.NONE);
    }

    public WeeklySummary {
        projectedLate = projectedLate == null ? List.of() : List.copyOf(projectedLate);
        expiringLinks = expiringLinks == null ? List.of() : List.copyOf(expiringLinks);
        standing = standing == null ? Standing.NONE : standing;
        bySection = List.copyOf(bySection);
        byField = List.copyOf(byField);
        byUnit = List.copyOf(byUnit);
        newSubmissions = List.copyOf(newSubmissions);
        statusChanges = List.copyOf(statusChanges);
        completions = List.copyOf(completions);
        missingReports = List.copyOf(missingReports);
        redItems = List.copyOf(redItems);
        upcomingDeadlines = List.copyOf(upcomingDeadlines);
        targets = List.copyOf(targets);
        unitDigests = List.copyOf(unitDigests);
        unreviewed = List.copyOf(unreviewed);
        withoutEvidence = List.copyOf(withoutEvidence);
    }

    public WeeklySummary withMissingCalendar(@Nullable MissingCalendar missing) {
        return new WeeklySummary(planYear, planTitle, week, asOf, headline, bySection, byField, byUnit, newSubmissions,
                statusChanges, completions, missingReports, redItems, upcomingDeadlines, targets, baselineKnown,
                endOfWeekStatuses, ledger, unitDigests, unreviewed, withoutEvidence, missing, projectedLate,
                expiringLinks, standing);
    }

    public WeeklySummary withExpiringLinks(List<ExpiringLinks.Link> links) {
        return new WeeklySummary(planYear, planTitle, week, asOf, headline, bySection, byField, byUnit, newSubmissions,
                statusChanges, completions, missingReports, redItems, upcomingDeadlines, targets, baselineKnown,
                endOfWeekStatuses, ledger, unitDigests, unreviewed, withoutEvidence, missingCalendar, projectedLate, links,
                standing);
    }

    public Optional<UnitDigest> digestOf(String unitId) {
        return unitDigests.stream().filter(d -> d.unitId().equals(unitId)).findFirst();
    }
}
