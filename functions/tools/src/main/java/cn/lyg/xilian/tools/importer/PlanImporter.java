package cn.lyg.xilian.tools.importer;

import cn.lyg.xilian.core.catalog.Field;
import cn.lyg.xilian.core.catalog.Milestone;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Section;
import cn.lyg.xilian.core.catalog.Target;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.catalog.UnitRegistry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a 市政府办公室 notice that publishes a year's pairing-assistance work plan into a {@link Plan}.
 *
 * <p><b>Layout of a notice.</b>
 * <ol>
 *   <li>The covering notice, up to the first numbered heading. Only three things are read from it:
 *       the document number ("连政办发〔2026〕13号", a line of its own), the plan's title (a heading
 *       ending in 工作计划, or else the title quoted in "关于印发…的通知") whose "NNNN年" is the plan
 *       year, and the signing date (the first line that is just a date, "2026 年 6 月 22 日"). Other
 *       lines of the covering notice are prose and are not interpreted.</li>
 *   <li>The plan: headings "一、…" (sections "1", "2" …) and "（一）…" under them (sections "3.1" …,
 *       whose {@link Field} is named in the heading), each followed by numbered paragraphs "1. …"
 *       (tasks "1.1", "3.1.1" …). A top-level heading that only groups sub-headings ("三、开展六大领域
 *       帮扶合作") is not a section of its own. A paragraph runs on across line breaks and blank lines
 *       until the next number, heading or the end of the plan, because the copied text breaks lines
 *       and paragraphs mid-sentence. Markdown heading marks ({@code #}) are optional.</li>
 *   <li>The distribution footer, from the first {@code ---} line or 抄送 line: not read.</li>
 * </ol>
 *
 * <p><b>A task</b> ends in a bracket 〔责任单位：A、B、C，完成时间：12月底前〕 (any of 〔（(［[ … 〕）)］]):
 * the units are split on 、，, and looked up in the {@link UnitRegistry}; a trailing 等 ("市农业农村局等",
 * "and others") is dropped — the others are unnamed and cannot be assigned. 完成时间 is read by
 * {@link Periods}. The rest is the task's text; its first sentence, shortened to at most
 * {@value #TITLE_LENGTH} characters, is its title. Milestones and targets are read from the text by
 * {@link MilestoneExtractor} and {@link TargetExtractor}.
 *
 * <p><b>Problems.</b> Nothing is guessed: a line of the plan outside any task, a heading or numbering out
 * of order, a task without its bracket, an unknown unit, an unreadable date or number is reported as an
 * {@link ImportProblem} with its line. A task without bracket, units or deadline is left out of the plan.
 * Without a title year, document number, signing date or any task there is no plan at all.
 */
public final class PlanImporter {

    static final int TITLE_LENGTH = 30;
    /** A shorter title would say too little ("推动两地安防产业" of "推动两地安防产业、低空经济…"). */
    private static final int MIN_TITLE_LENGTH = 12;
    private static final Pattern ENUMERATION_WITH_ETC = Pattern.compile("(?:、[^、，。；：“”]+?)+等");

    private static final Pattern DOC_NUMBER = Pattern.compile("\\S*〔\\d{4}〕\\d+号");
    private static final Pattern NOTICE_TITLE = Pattern.compile(".*关于印发(?<title>.+)的通知");
    private static final Pattern PLAN_TITLE = Pattern.compile(".*\\d{4}年.*计划");
    private static final Pattern TITLE_YEAR = Pattern.compile("(?<!\\d)(\\d{4})年");
    private static final Pattern DATE_LINE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern SECTION_HEADING = Pattern.compile("(?<number>[一二三四五六七八九十]+)、(?<title>.+)");
    private static final Pattern SUB_SECTION_HEADING = Pattern.compile("（(?<number>[一二三四五六七八九十]+)）(?<title>.+)");
    private static final Pattern TASK_START = Pattern.compile("^\\s*(?<number>\\d+)\\s*[.．、](?!\\d)");
    private static final Pattern FOOTER_START = Pattern.compile("^\\s*(?:-{3,}|抄送)");
    private static final Pattern BRACKET_OPEN = Pattern.compile("[〔（［]责任单位：");
    private static final String BRACKET_CLOSE = "〕）］";
    private static final Pattern DEADLINE_LABEL = Pattern.compile("[，、；]?完成时间：");
    private static final Pattern UNIT_SEPARATOR = Pattern.compile("[、，]");

    private final UnitRegistry registry;
    private final TargetExtractor targets;
    private final MilestoneExtractor milestones;

    public PlanImporter(UnitRegistry registry) {
        this.registry = registry;
        this.targets = new TargetExtractor(registry);
        this.milestones = new MilestoneExtractor(registry);
    }

    /** Reads a notice with the registry shipped with core. */
    public static ImportResult importWithDefaultRegistry(String notice) {
        return new PlanImporter(UnitRegistry.load()).importNotice(notice);
    }

    public ImportResult importNotice(String notice) {
        return new Run(notice.split("\\R", -1)).read();
    }

    /** The state of one import. */
    private final class Run {
        private final String[] lines;
        private final List<ImportProblem> problems = new ArrayList<>();
        private final Map<String, SectionDraft> sections = new LinkedHashMap<>();
        private final List<PlanTask> tasks = new ArrayList<>();
        private final Set<String> taskIds = new LinkedHashSet<>();
        private int year;

        Run(String[] lines) {
            this.lines = lines;
        }

        ImportResult read() {
            int bodyStart = firstSectionHeading();
            Optional<Header> header = readHeader(bodyStart);
            if (header.isEmpty()) {
                return new ImportResult(Optional.empty(), problems);
            }
            year = header.get().year();
            readBody(bodyStart);
            if (tasks.isEmpty()) {
                problems.add(new ImportProblem(0, "", "no task could be read"));
                return new ImportResult(Optional.empty(), problems);
            }
            List<Section> readSections = sections.values().stream()
                    .filter(s -> s.hasTasks).map(SectionDraft::section).toList();
            Plan plan = new Plan(year, header.get().title(), header.get().docNumber(), header.get().issuedOn(),
                    readSections, unitsInOrderOfAppearance(), tasks);
            return new ImportResult(Optional.of(plan), problems);
        }

        private int firstSectionHeading() {
            for (int i = 0; i < lines.length; i++) {
                if (heading(lines[i]).filter(h -> SECTION_HEADING.matcher(compact(h, 0)).matches()).isPresent()) {
                    return i;
                }
            }
            return lines.length;
        }

        // ---- covering notice ----

        private record Header(int year, String title, String docNumber, LocalDate issuedOn) {
        }

        private Optional<Header> readHeader(int bodyStart) {
            String docNumber = null;
            String planTitle = null;
            String quotedTitle = null;
            int quotedTitleLine = 0;
            LocalDate issuedOn = null;
            for (int i = 0; i < bodyStart; i++) {
                String line = compact(lines[i], i + 1);
                Optional<String> heading = heading(lines[i]).map(h -> compact(h, 0));
                if (docNumber == null && DOC_NUMBER.matcher(line).matches()) {
                    docNumber = line;
                } else if (heading.isPresent() && NOTICE_TITLE.matcher(heading.get()).matches()) {
                    Matcher m = NOTICE_TITLE.matcher(heading.get());
                    m.matches();
                    quotedTitle = m.group("title");
                    quotedTitleLine = i + 1;
                } else if (heading.isPresent() && planTitle == null && PLAN_TITLE.matcher(heading.get()).matches()) {
                    planTitle = heading.get();
                } else if (issuedOn == null && DATE_LINE.matcher(line).matches()) {
                    issuedOn = date(line, i + 1);
                }
            }
            String title = planTitle != null ? planTitle : quotedTitle;
            Integer titleYear = title == null ? null : yearOf(title);
            if (titleYear == null) {
                problems.add(new ImportProblem(0, title == null ? "" : title,
                        "no plan title with a year (a heading such as '…2026年重点工作计划')"));
            } else if (planTitle != null && quotedTitle != null && !titleYear.equals(yearOf(quotedTitle))) {
                problems.add(new ImportProblem(quotedTitleLine, quotedTitle,
                        "the notice's title names another year than the plan's title (" + titleYear + ")"));
            }
            if (docNumber == null) {
                problems.add(new ImportProblem(0, "", "no document number (a line such as '连政办发〔2026〕13号')"));
            }
            if (issuedOn == null) {
                problems.add(new ImportProblem(0, "", "no signing date (a line such as '2026 年 6 月 22 日') before the plan"));
            }
            if (titleYear == null || docNumber == null || issuedOn == null) {
                return Optional.empty();
            }
            return Optional.of(new Header(titleYear, title, docNumber, issuedOn));
        }

        private Integer yearOf(String title) {
            Matcher m = TITLE_YEAR.matcher(title);
            return m.find() ? Integer.valueOf(m.group(1)) : null;
        }

        private LocalDate date(String line, int lineNumber) {
            Matcher m = DATE_LINE.matcher(line);
            m.matches();
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                problems.add(new ImportProblem(lineNumber, line, "a date that does not exist"));
                return null;
            }
        }

        // ---- the plan ----

        private void readBody(int bodyStart) {
            SectionDraft top = null;
            SectionDraft current = null;
            TaskDraft task = null;
            for (int i = bodyStart; i < lines.length; i++) {
                int lineNumber = i + 1;
                String line = lines[i];
                if (line.isBlank()) {
                    continue; // blank lines separate nothing: paragraphs run on across them
                }
                if (FOOTER_START.matcher(line).find()) {
                    break;
                }
                Optional<String> heading = heading(line).map(h -> compact(h, lineNumber));
                Matcher taskStart = TASK_START.matcher(line);
                if (heading.isPresent()) {
                    finish(task);
                    task = null;
                    Matcher section = SECTION_HEADING.matcher(heading.get());
                    Matcher subSection = SUB_SECTION_HEADING.matcher(heading.get());
                    if (section.matches()) {
                        top = openSection(null, section.group("number"), section.group("title"), lineNumber, heading.get());
                        current = top;
                    } else if (subSection.matches() && top != null) {
                        current = openSection(top, subSection.group("number"), subSection.group("title"), lineNumber, heading.get());
                    } else {
                        problems.add(new ImportProblem(lineNumber, heading.get(), "a heading that is neither '一、…' nor '（一）…'"));
                    }
                } else if (taskStart.find()) {
                    finish(task);
                    task = null;
                    int number = Integer.parseInt(taskStart.group("number"));
                    if (current == null) {
                        problems.add(new ImportProblem(lineNumber, line.strip(), "a numbered paragraph before any section heading"));
                        continue;
                    }
                    if (number != current.lastTask + 1) {
                        problems.add(new ImportProblem(lineNumber, line.strip(),
                                "task numbered " + number + " where " + (current.lastTask + 1) + " was expected"));
                    }
                    current.lastTask = number;
                    task = new TaskDraft(current, current.id + "." + number, lineNumber);
                    task.add(line.substring(taskStart.end()), lineNumber);
                } else if (task != null) {
                    task.add(line, lineNumber);
                } else {
                    problems.add(new ImportProblem(lineNumber, line.strip(), "text outside any task"));
                }
            }
            finish(task);
            for (SectionDraft section : sections.values()) {
                if (!section.hasTasks && !section.hasSubSections) {
                    problems.add(new ImportProblem(section.line, section.title, "a section heading without tasks"));
                }
            }
        }

        private SectionDraft openSection(SectionDraft parent, String chineseNumber, String title, int lineNumber, String heading) {
            int number = ChineseNumerals.parse(chineseNumber);
            int expected = parent == null
                    ? (int) sections.values().stream().filter(s -> s.parent == null).count() + 1
                    : parent.subSections + 1;
            if (number != expected) {
                problems.add(new ImportProblem(lineNumber, heading, "section numbered " + number + " where " + expected + " was expected"));
            }
            Field field = null;
            if (parent != null) {
                parent.hasSubSections = true;
                parent.subSections = number;
                field = Field.inHeading(title).orElse(null);
                if (field == null) {
                    problems.add(new ImportProblem(lineNumber, heading, "a sub-section heading that names none of the six fields"));
                }
            }
            String id = parent == null ? String.valueOf(number) : parent.id + "." + number;
            SectionDraft draft = new SectionDraft(parent, id, title, field, lineNumber);
            if (sections.putIfAbsent(id, draft) != null) {
                problems.add(new ImportProblem(lineNumber, heading, "a second section " + id));
            }
            return draft;
        }

        private void finish(TaskDraft draft) {
            if (draft == null) {
                return;
            }
            NoticeText text = NoticeText.join(draft.lines, draft.lineNumbers);
            String fragment = abbreviate(text.text());
            if (!taskIds.add(draft.id)) {
                problems.add(new ImportProblem(draft.line, fragment, "a second task " + draft.id + "; left out"));
                return;
            }
            Matcher open = BRACKET_OPEN.matcher(text.text());
            int bracket = -1;
            while (open.find()) {
                bracket = open.start();
            }
            if (bracket < 0) {
                problems.add(new ImportProblem(draft.line, fragment,
                        "task " + draft.id + " has no 〔责任单位：…，完成时间：…〕 bracket; left out"));
                return;
            }
            String content = text.text().substring(bracket + 1);
            int contentLine = text.lineAt(bracket);
            if (content.isEmpty() || BRACKET_CLOSE.indexOf(content.charAt(content.length() - 1)) < 0) {
                problems.add(new ImportProblem(contentLine, content,
                        "task " + draft.id + ": the 责任单位 bracket is not closed at the end of the paragraph; left out"));
                return;
            }
            content = content.substring("责任单位：".length(), content.length() - 1);
            Matcher deadlineLabel = DEADLINE_LABEL.matcher(content);
            if (!deadlineLabel.find()) {
                problems.add(new ImportProblem(contentLine, content, "task " + draft.id + " has no 完成时间; left out"));
                return;
            }
            int contentStart = bracket + 1 + "责任单位：".length();
            List<String> unitIds = units(text, contentStart, content.substring(0, deadlineLabel.start()), draft.id);
            String deadlineText = content.substring(deadlineLabel.end());
            Optional<LocalDate> deadline = Periods.deadline(deadlineText, year);
            if (deadline.isEmpty()) {
                problems.add(new ImportProblem(contentLine, deadlineText, "task " + draft.id + ": 完成时间 not understood; left out"));
                return;
            }
            if (unitIds.isEmpty()) {
                problems.add(new ImportProblem(contentLine, content, "task " + draft.id + " has no known responsible unit; left out"));
                return;
            }
            String body = text.text().substring(0, bracket);
            List<Target> taskTargets = targets.extract(text, bracket, unitIds, problems::add);
            List<Milestone> taskMilestones = milestones.extract(text, bracket, year, problems::add);
            tasks.add(new PlanTask(draft.id, draft.section.id, shortTitle(body), body, unitIds,
                    deadline.get(), taskMilestones, taskTargets));
            draft.section.hasTasks = true;
        }

        private List<String> units(NoticeText text, int offset, String list, String taskId) {
            List<String> ids = new ArrayList<>();
            Matcher separator = UNIT_SEPARATOR.matcher(list);
            int start = 0;
            while (true) {
                boolean more = separator.find();
                int end = more ? separator.start() : list.length();
                String name = list.substring(start, end);
                int line = text.lineAt(offset + start);
                if (name.endsWith("等")) {
                    name = name.substring(0, name.length() - 1); // "and others": only the named one is assigned
                }
                if (name.isEmpty()) {
                    problems.add(new ImportProblem(line, list, "task " + taskId + ": an empty name in the 责任单位 list"));
                } else {
                    Optional<Unit> unit = registry.resolve(name);
                    if (unit.isEmpty()) {
                        problems.add(new ImportProblem(line, name, unknownUnit(taskId, name)));
                    } else if (ids.contains(unit.get().id())) {
                        problems.add(new ImportProblem(line, name, "task " + taskId + ": unit listed twice"));
                    } else {
                        ids.add(unit.get().id());
                    }
                }
                if (!more) {
                    return ids;
                }
                start = separator.end();
            }
        }

        private List<Unit> unitsInOrderOfAppearance() {
            Set<String> ids = new LinkedHashSet<>();
            tasks.forEach(t -> ids.addAll(t.unitIds()));
            return ids.stream().map(id -> registry.byId(id).orElseThrow()).toList();
        }

        private String compact(String line, int lineNumber) {
            return NoticeText.of(line, lineNumber).text();
        }
    }

    /** The text of a heading line, without Markdown marks; empty for other lines. */
    private static Optional<String> heading(String line) {
        String stripped = line.strip();
        String withoutMarks = stripped.replaceFirst("^#+\\s*", "");
        String compact = NoticeText.of(withoutMarks, 0).text();
        if (SECTION_HEADING.matcher(compact).matches() || SUB_SECTION_HEADING.matcher(compact).matches()) {
            return Optional.of(withoutMarks);
        }
        return stripped.startsWith("#") ? Optional.of(withoutMarks) : Optional.empty();
    }

    /**
     * A title of at most {@value #TITLE_LENGTH} characters, taken from the first sentence: the sentence
     * itself if short enough, else its first clause, else that clause with enumerations ending in 等
     * collapsed to their first item ("区域优势、产业基础、政策环境等有利条件" → "区域优势等有利条件"), else the
     * first item of an enumeration, else a cut with an ellipsis. Delimiters inside “quotes” do not count.
     */
    /**
     * The unknown-unit problem, in Chinese since the coordinator acts on it: units are registered in the web
     * application's 单位与账号管理 page (a coordinator, or an operator with the same role), then the notice is imported
     * again.
     */
    static String unknownUnit(String taskId, String name) {
        return "任务 " + taskId + "：单位“" + name + "”未登记。请协调员（或运维人员）在「单位与账号管理」（/admin/units）"
                + "新增该单位后重新导入";
    }

    static String shortTitle(String body) {
        String title = upTo(body, Clauses.SENTENCE_END);
        if (title.length() <= TITLE_LENGTH) {
            return title;
        }
        title = upTo(title, "，：");
        if (title.length() <= TITLE_LENGTH) {
            return title;
        }
        title = ENUMERATION_WITH_ETC.matcher(title).replaceAll("等");
        if (title.length() <= TITLE_LENGTH) {
            return title;
        }
        String firstItem = upTo(title, "、");
        if (firstItem.length() >= MIN_TITLE_LENGTH && firstItem.length() <= TITLE_LENGTH) {
            return firstItem;
        }
        return title.substring(0, TITLE_LENGTH - 1) + "…";
    }

    private static String upTo(String text, String delimiters) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '“' || c == '”') {
                quoted = c == '“';
            } else if (!quoted && delimiters.indexOf(c) >= 0) {
                return text.substring(0, i);
            }
        }
        return text;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static final class SectionDraft {
        final SectionDraft parent;
        final String id;
        final String title;
        final Field field;
        final int line;
        boolean hasTasks;
        boolean hasSubSections;
        int subSections;
        int lastTask;

        SectionDraft(SectionDraft parent, String id, String title, Field field, int line) {
            this.parent = parent;
            this.id = id;
            this.title = title;
            this.field = field;
            this.line = line;
        }

        Section section() {
            return new Section(id, title, field);
        }
    }

    private static final class TaskDraft {
        final SectionDraft section;
        final String id;
        final int line;
        final List<String> lines = new ArrayList<>();
        final List<Integer> lineNumbers = new ArrayList<>();

        TaskDraft(SectionDraft section, String id, int line) {
            this.section = section;
            this.id = id;
            this.line = line;
        }

        void add(String text, int lineNumber) {
            lines.add(text);
            lineNumbers.add(lineNumber);
        }
    }
}
