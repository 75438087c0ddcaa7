package cn.lyg.xilian.tools.importer;

import cn.lyg.xilian.core.catalog.Milestone;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.catalog.UnitRegistry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dated steps stated inside a task's text (the 完成时间 bracket is the deadline, not a
 * milestone).
 *
 * <p>Every {@link Periods period expression} of the text is a milestone due on the last day of the
 * period: "计划于6月底前完成签约" → 6-30 完成签约; "下半年启动建设" → 12-31 启动建设 (the half-year's last
 * day: the start of construction is due by then); "力争在年底前实现投产" → 12-31 实现投产; "确保年内正式开园"
 * → 12-31 正式开园. A year-end milestone repeats the usual deadline on purpose: it names a concrete
 * deliverable (投产, 开园) that progress reports can be checked against.
 *
 * <p>The description is the rest of the clause after the expression (or, when nothing follows, the
 * clause before it without lead-ins such as 计划于, 力争在). When the sentence starts with a unit's name
 * — its subject, e.g. "江阴灌云工业园区…确保年内正式开园" — the name is put in front, so that two parks'
 * openings stay apart. Identical milestones (same date and description) are kept once.
 */
final class MilestoneExtractor {

    private static final Pattern LEAD_IN = Pattern.compile("^(?:计划|力争|确保|争取|全力)?[于在]?");
    private static final Pattern TRAILING_PREPOSITION = Pattern.compile("(?:计划|力争|确保|争取)?[于在]$");

    private final UnitRegistry registry;

    MilestoneExtractor(UnitRegistry registry) {
        this.registry = registry;
    }

    List<Milestone> extract(NoticeText taskText, int bodyLength, int year, Consumer<ImportProblem> problems) {
        String text = taskText.text().substring(0, bodyLength);
        List<Milestone> milestones = new ArrayList<>();
        Matcher period = Periods.IN_TEXT.matcher(text);
        while (period.find()) {
            if (period.start() > 0 && Character.isDigit(text.charAt(period.start() - 1))) {
                continue; // part of a larger number, e.g. the year of "2026年"
            }
            String clause = text.substring(Clauses.clauseStart(text, period.start()), Clauses.clauseEnd(text, period.start()));
            LocalDate due = Periods.dateOf(period, year);
            if (due == null) {
                problems.accept(new ImportProblem(taskText.lineAt(period.start()), clause, "a date that does not exist"));
                continue;
            }
            String action = text.substring(period.end(), Clauses.clauseEnd(text, period.end()));
            if (action.isEmpty()) {
                String before = text.substring(Clauses.clauseStart(text, period.start()), period.start());
                action = LEAD_IN.matcher(TRAILING_PREPOSITION.matcher(before).replaceFirst("")).replaceFirst("");
            }
            if (action.isEmpty()) {
                problems.accept(new ImportProblem(taskText.lineAt(period.start()), clause, "a date without anything to do by it"));
                continue;
            }
            Milestone milestone = new Milestone(due, subjectOf(text, period.start()) + action);
            if (!milestones.contains(milestone)) {
                milestones.add(milestone);
            }
        }
        return milestones;
    }

    /** The unit name the sentence starts with, or "" — a subject mentioned later is not the subject. */
    private String subjectOf(String text, int offset) {
        String sentence = text.substring(Clauses.sentenceStart(text, offset));
        for (Unit unit : registry.mentionedIn(sentence)) {
            for (String spelling : spellings(unit)) {
                if (sentence.startsWith(UnitRegistry.normalise(spelling))) {
                    return UnitRegistry.normalise(spelling);
                }
            }
        }
        return "";
    }

    private static List<String> spellings(Unit unit) {
        List<String> all = new ArrayList<>();
        all.add(unit.name());
        all.addAll(unit.aliases());
        return all;
    }
}
