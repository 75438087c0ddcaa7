package cn.lyg.xilian.web;

import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.view.Inbox;

import java.util.List;
import java.util.stream.Collectors;

/** inbox.jte: the coordinators' 待办 with its filters (GET parameters, so every view is a plain link). */
public record InboxPage(Layout layout, Inbox inbox) implements PageModel, Framed {

    /** One part of the list: an anchor id, its heading, what it says when empty, and its items. */
    public record Part(String id, String title, String empty, List<Inbox.Item> items) {
    }

    /** What the coordinators decide, then what waits on a unit. */
    public List<Part> parts() {
        return List.of(new Part("mine", "待我处理（审核、审批）", "没有待审核的填报或待审批的延期申请。", inbox.coordinatorItems()),
                new Part("units", "待单位处理（跟进、催报）", "没有待单位处理的事项。", inbox.unitItems()));
    }

    public Inbox.Kind[] kinds() {
        return Inbox.Kind.values();
    }

    public List<Unit> units() {
        return plan().units();
    }

    /** The filter's query string with {@code kind} replaced ({@code null}: every kind), for the count links. */
    public String withKind(Inbox.Kind kind) {
        var f = inbox.filter();
        String qs = java.util.stream.Stream.of(
                        f.unitId() == null ? null : "unit=" + Display.pathSegment(f.unitId()),
                        f.sectionId() == null ? null : "section=" + Display.pathSegment(f.sectionId()),
                        kind == null ? null : "kind=" + kind.name(),
                        layout().years().query().isEmpty() ? null : "year=" + plan().year())
                .filter(java.util.Objects::nonNull).collect(Collectors.joining("&"));
        return qs.isEmpty() ? "/inbox" : "/inbox?" + qs;
    }

    /** "灌南县、灌云县". */
    public String unitNames(Inbox.Item item) {
        return item.unitIds().stream().map(u -> fmt().unitName(plan(), u)).collect(Collectors.joining("、"));
    }

    /** Where the item is handled: its task's page at the unit's block (or the 督办意见). */
    public static String taskLink(Inbox.Item item) {
        return taskLink(item, "");
    }

    /** The same on a page of another year than the current one ({@code yearQuery} "?year=2026" or ""). */
    public static String taskLink(Inbox.Item item, String yearQuery) {
        return "/tasks/" + Display.pathSegment(item.task().id()) + yearQuery + "#" + item.anchor();
    }

    /** The item's link from this page: to the task of the year shown. */
    public String link(Inbox.Item item) {
        return taskLink(item, layout().years().query());
    }

    public String action(Inbox.Item item) {
        return switch (item.kind()) {
            case REVIEW -> "去审核";
            case EXTENSION -> "去审批";
            case RETURNED, SILENT -> "查看任务";
            case UNREAD -> "查看督办意见";
        };
    }

    /** "今天", "1天", "12天"; a unit that never reported "从未填报". */
    public String age(Inbox.Item item) {
        if (item.since() == null) {
            return "从未填报";
        }
        return item.ageDays() == 0 ? "今天" : "已" + item.ageDays() + "天";
    }
}
