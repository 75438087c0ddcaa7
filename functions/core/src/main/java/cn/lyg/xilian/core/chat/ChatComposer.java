package cn.lyg.xilian.core.chat;

import cn.lyg.xilian.core.alert.AlertDigest;
import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.alert.TaskAlerts;
import cn.lyg.xilian.core.report.Lines;
import cn.lyg.xilian.core.report.UnitDigest;
import cn.lyg.xilian.core.report.WeeklySummary;
import cn.lyg.xilian.core.supervision.ReturnNotice;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The group-chat messages: short Chinese markdown — counts by light, the worst items, "另有N项" with an absolute link to
 * the board or the task. Each message fits its vendor's limit ({@link #limitBytes}) by leaving out whole item lines,
 * worst kept first, never by cutting text: the head (title, counts) and the closing link always go out whole.
 *
 * <p>Text from the plan or from people (task titles, unit names, a 退回 reason) is made inert for markdown: the
 * characters that open links, emphasis, headings or HTML become their full-width forms, line breaks become spaces.
 */
public final class ChatComposer {

    /** At most this many item lines, whatever the limit allows: a chat message is a pointer, the board the detail. */
    public static final int MAX_ITEMS = 10;

    private final String baseUrl;

    /** @param baseUrl the web app's public root (absolute; links in chat must be absolute) */
    public ChatComposer(String baseUrl) {
        if (!(baseUrl.startsWith("https://") || baseUrl.startsWith("http://"))) {
            throw new IllegalArgumentException("the public base URL must be absolute http(s)");
        }
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * The markdown a vendor takes, in UTF-8 bytes. 企业微信: markdown.content ≤ 4,096 bytes (its documentation).
     * 飞书: the whole request body ≤ 20 KB; 18,000 bytes of markdown leave room for the card's JSON and the escapes of
     * quotes and line breaks (the adapter checks the real body). 钉钉: its custom-robot documentation states no
     * markdown limit; the only published figure is 15,000 bytes for an app robot's message parameters (help.dingtalk.io,
     * "robot sends a group message"), so that is the budget here.
     */
    public static int limitBytes(ChatVendor vendor) {
        return switch (vendor) {
            case WECOM -> 4096;
            case FEISHU -> 18_000;
            case DINGTALK -> 15_000;
        };
    }

    /** An alert digest: the consolidated one for the coordinators' group, or one unit's own. */
    public ChatMessage alerts(ChatVendor vendor, AlertDigest digest) {
        List<TaskAlerts> tasks = digest.byTask();
        long red = tasks.stream().filter(t -> t.light() == Light.RED).count();
        long yellow = tasks.stream().filter(t -> t.light() == Light.YELLOW).count();
        String title = "督办提醒：" + inert(digest.audienceName()) + " " + digest.asOf();
        List<String> head = List.of("### " + title,
                "红灯 **" + red + "** 项，黄灯 **" + yellow + "** 项（共 " + tasks.size() + " 项任务）");
        List<String> items = new ArrayList<>();
        for (TaskAlerts task : tasks) {
            String units = digest.audience().isCoordinators()
                    ? "（" + task.units().stream().map(u -> inert(u.unitName())).collect(Collectors.joining("、")) + "）"
                    : "";
            TaskAlerts.UnitAlerts worst = task.units().getFirst();
            items.add("- " + light(vendor, task.light()) + " " + link(task.taskId() + " " + task.taskTitle(),
                    task(task.taskId())) + units + "：" + inert(worst.worstRule().label())
                    + (worst.reasons().isEmpty() ? "" : "，" + inert(worst.reasons().getFirst())));
        }
        String board = digest.audience().isCoordinators() ? board(null) : board(digest.audience().unitId());
        return fit(vendor, title, head, items, board);
    }

    /** The Monday summary for the coordinators' group. */
    public ChatMessage weekly(ChatVendor vendor, WeeklySummary summary) {
        Lines.Headline h = summary.headline();
        String title = "周报：" + summary.week().id() + " 推进情况";
        List<String> head = List.of("### " + title,
                "任务 **" + h.tasks() + "** 项：绿灯 " + h.green() + "，黄灯 " + h.yellow() + "，红灯 **" + h.red()
                        + "**；已完成 " + h.completed() + "，逾期 " + h.overdue() + "，30天内到期 " + h.dueWithin30Days());
        List<String> items = new ArrayList<>();
        for (Lines.RedItem item : summary.redItems()) {
            items.add("- " + light(vendor, Light.RED) + " " + link(item.taskId() + " " + item.taskTitle(),
                    task(item.taskId())) + "（" + inert(item.unitName()) + "）"
                    + (item.reasons().isEmpty() ? "" : "：" + inert(item.reasons().getFirst())));
        }
        return fit(vendor, title, head, items, board(null));
    }

    /** A unit's Monday digest for its own group. */
    public ChatMessage unitWeekly(ChatVendor vendor, UnitDigest digest) {
        List<Lines.PairStatusLine> notGreen = digest.pairs().stream().filter(p -> p.light() != Light.GREEN)
                .sorted(Comparator.comparing(Lines.PairStatusLine::light).reversed()).toList();
        long red = notGreen.stream().filter(p -> p.light() == Light.RED).count();
        String title = "周报：" + inert(digest.unitName()) + " " + digest.week().id();
        List<String> head = List.of("### " + title,
                "本单位任务 **" + digest.pairs().size() + "** 项：红灯 **" + red + "**，黄灯 " + (notGreen.size() - red)
                        + "；本周未填报 " + digest.notReported().size() + " 项，30天内到期 " + digest.dueNext().size() + " 项");
        List<String> items = new ArrayList<>();
        for (Lines.PairStatusLine pair : notGreen) {
            items.add("- " + light(vendor, pair.light()) + " " + link(pair.taskId() + " " + pair.taskTitle(),
                    task(pair.taskId())) + (pair.reasons().isEmpty() ? "" : "：" + inert(pair.reasons().getFirst())));
        }
        return fit(vendor, title, head, items, board(digest.unitId()));
    }

    /** The 退回 notice to the unit's group: the reason is one line, left out (never cut) if it cannot fit. */
    public ChatMessage returned(ChatVendor vendor, ReturnNotice notice) {
        String title = "报送退回：" + inert(notice.unitName());
        List<String> head = List.of("### " + title,
                "任务 " + link(notice.review().taskId() + " " + notice.taskTitle(), task(notice.review().taskId()))
                        + " 的报送已被退回，请修改后重新报送。");
        List<String> items = notice.review().reason() == null ? List.of()
                : List.of("> 退回原因：" + inert(notice.review().reason()));
        return fit(vendor, title, head, items, task(notice.review().taskId()));
    }

    /**
     * Head, as many whole item lines as fit (at most {@link #MAX_ITEMS}), and the closing line: "另有N项未列出" when any
     * were left out, with the link either way.
     */
    static ChatMessage fit(ChatVendor vendor, String title, List<String> head, List<String> items, String moreLink) {
        int limit = limitBytes(vendor);
        for (int shown = Math.min(items.size(), MAX_ITEMS); shown >= 0; shown--) {
            int hidden = items.size() - shown;
            List<String> lines = new ArrayList<>(head);
            lines.addAll(items.subList(0, shown));
            lines.add(hidden > 0 ? "另有" + hidden + "项未列出，" + link("到系统查看", moreLink)
                    : link("到系统查看", moreLink));
            String markdown = String.join("\n", lines);
            if (markdown.getBytes(StandardCharsets.UTF_8).length <= limit) {
                return new ChatMessage(title, markdown);
            }
        }
        throw new IllegalStateException("the message's head alone exceeds " + limit + " bytes");
    }

    private static String light(ChatVendor vendor, Light light) {
        if (vendor == ChatVendor.WECOM) { // 企业微信 markdown colours text with three named colours
            return switch (light) {
                case RED -> "<font color=\"warning\">【红】</font>";
                case YELLOW -> "<font color=\"comment\">【黄】</font>";
                case GREEN -> "<font color=\"info\">【绿】</font>";
            };
        }
        return light == Light.RED ? "**【红】**" : "【" + light.label() + "】";
    }

    private static String link(String text, String url) {
        return "[" + inert(text) + "](" + url + ")";
    }

    private String task(String taskId) {
        return baseUrl + "/tasks/" + URLEncoder.encode(taskId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String board(String unitId) {
        return baseUrl + "/board?" + (unitId == null ? "" : "unit=" + URLEncoder.encode(unitId, StandardCharsets.UTF_8)
                + "&") + "light=NOT_GREEN&sort=risk";
    }

    /** Text that cannot open markdown or HTML: the active characters become full-width, line breaks spaces. */
    static String inert(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '[' -> out.append('［');
                case ']' -> out.append('］');
                case '(' -> out.append('（');
                case ')' -> out.append('）');
                case '*' -> out.append('＊');
                case '_' -> out.append('＿');
                case '`' -> out.append('｀');
                case '#' -> out.append('＃');
                case '<' -> out.append('＜');
                case '>' -> out.append('＞');
                case '\r', '\n', '\t' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
