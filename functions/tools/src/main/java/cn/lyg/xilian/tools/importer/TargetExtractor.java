package cn.lyg.xilian.tools.importer;

import cn.lyg.xilian.core.catalog.Target;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.catalog.UnitRegistry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the quantitative targets of a task's text.
 *
 * <p><b>What is a target.</b> Every Arabic number of the text is one of:
 * <ul>
 *   <li>a date part — followed by 年/年度/月/日 ("2026年", "6月底前"): not a target;</li>
 *   <li>an ordinal — preceded by 第: not a target (the notice writes most ordinals in Chinese
 *       numerals, "第四届", "第三期", which are never read as numbers at all);</li>
 *   <li>a count — followed by a measure word (个, 家, 家次, 场次, 项, 对, 亿元, 万平方米 …, see
 *       {@link #MEASURES}), optionally with 以上: a target. A range "1—2个" counts with its lower
 *       bound. Bound words before the figure (不少于, 不低于, 至少, 力争 …) all read as a minimum;</li>
 *   <li>anything else — reported as a problem, as is an upper bound (不超过 N, N 以内/以下), which
 *       the {@link Target} model cannot express.</li>
 * </ul>
 *
 * <p><b>Metric.</b> When a noun follows the measure word ("5个…服务驿站", "1项亮点工作") the metric is
 * that noun phrase up to the end of the clause, cut before a predicate such as 交付/争创/提升
 * ("5.7万平方米厂房交付使用" → 厂房). Otherwise the metric is the clause before the figure ("开展惠企活动
 * 20场次以上" → 惠企活动), without the year, lead-ins (力争, 确保 …), the counting verb (开展, 引进,
 * 招引, 完成 …) and the bound word.
 *
 * <p><b>Unit.</b> A target binds the unit its sentence names, when the sentence names exactly one of
 * the task's responsible units ("无锡连云港工业园区…不少于8个"); otherwise it binds every responsible
 * unit ({@code unitId} null).
 */
final class TargetExtractor {

    /** Measure words, longest first so that 家次 wins over 家. */
    static final String MEASURES = "万平方米|平方米|亿元|万元|家次|场次|人次|个|家|场|项|对|名|人|所|次|批|座|条|期";

    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])\\d+(?:\\.\\d+)?");
    private static final Pattern DATE_PART = Pattern.compile("\\d+(?:年度?|月|日)");
    private static final Pattern COUNT = Pattern.compile(
            "(?<low>\\d+(?:\\.\\d+)?)(?:[—–~～\\-至到]+(?<high>\\d+(?:\\.\\d+)?))?(?<measure>" + MEASURES + ")(?<above>以上)?");
    private static final Pattern UPPER_BOUND_BEFORE = Pattern.compile("(?:不超过|不高于|不多于|控制在|最多)$");
    private static final Pattern UPPER_BOUND_AFTER = Pattern.compile("^(?:以内|以下)");
    private static final Pattern LEAD_IN = Pattern.compile(
            "^(?:\\d{4}年度?|力争|确保|全力|计划|年内|推动|引进|招引|开展|完成|实现|新增|累计)+");
    private static final Pattern BOUND_WORD = Pattern.compile("(?:不少于|不低于|至少|超过|达到|达)$");
    private static final Pattern PREDICATE = Pattern.compile("交付|争创|提升|建成|投产|开园|落地|实现");

    private final UnitRegistry registry;

    TargetExtractor(UnitRegistry registry) {
        this.registry = registry;
    }

    List<Target> extract(NoticeText taskText, int bodyLength, List<String> unitIds, Consumer<ImportProblem> problems) {
        String text = taskText.text().substring(0, bodyLength);
        List<Target> targets = new ArrayList<>();
        Matcher number = NUMBER.matcher(text);
        int consumedUpTo = 0;
        while (number.find()) {
            int start = number.start();
            if (start < consumedUpTo || (start > 0 && text.charAt(start - 1) == '第')) {
                continue;
            }
            if (DATE_PART.matcher(text).region(start, text.length()).lookingAt()) {
                continue;
            }
            Matcher count = COUNT.matcher(text).region(start, text.length());
            if (!count.lookingAt()) {
                problems.accept(problem(taskText, start, text, "a number that is neither a date nor a count with a known measure word"));
                continue;
            }
            consumedUpTo = count.end();
            if (UPPER_BOUND_BEFORE.matcher(text.substring(0, start)).find()
                    || UPPER_BOUND_AFTER.matcher(text.substring(count.end())).find()) {
                problems.accept(problem(taskText, start, text, "an upper bound, which a target (a minimum) cannot express"));
                continue;
            }
            String metric = metric(text, start, count);
            if (metric.isEmpty()) {
                problems.accept(problem(taskText, start, text, "a count whose metric (what is counted) cannot be found"));
                continue;
            }
            targets.add(new Target("t" + (targets.size() + 1), boundUnit(text, start, unitIds), metric,
                    new BigDecimal(count.group("low")), count.group("measure"), clause(text, start)));
        }
        return targets;
    }

    private static String metric(String text, int start, Matcher count) {
        int end = count.end();
        if (end < text.length() && Character.UnicodeScript.of(text.charAt(end)) == Character.UnicodeScript.HAN) {
            String after = text.substring(end, Clauses.clauseEnd(text, end));
            Matcher predicate = PREDICATE.matcher(after);
            return predicate.find() && predicate.start() > 0 ? after.substring(0, predicate.start()) : after;
        }
        String before = text.substring(Clauses.clauseStart(text, start), start);
        before = BOUND_WORD.matcher(before).replaceFirst("");
        return LEAD_IN.matcher(before).replaceFirst("");
    }

    private String boundUnit(String text, int offset, List<String> unitIds) {
        List<String> named = registry.mentionedIn(Clauses.sentenceAt(text, offset)).stream()
                .map(Unit::id).filter(unitIds::contains).toList();
        return named.size() == 1 ? named.getFirst() : null;
    }

    private static String clause(String text, int offset) {
        return text.substring(Clauses.clauseStart(text, offset), Clauses.clauseEnd(text, offset));
    }

    private static ImportProblem problem(NoticeText taskText, int offset, String text, String message) {
        return new ImportProblem(taskText.lineAt(offset), clause(text, offset), message);
    }
}
