package cn.lyg.xilian.web;

import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.view.Inbox;

import java.util.List;
import java.util.stream.Collectors;

/** inbox.jte: the coordinators' 待办 with its filters (GET parameters, so every view is a plain link). */
public record InboxPage(Layout layout, Inbox inbox) implements PageModel, Framed {

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
                        kind == null ? null : "kind=" + kind.name())
                .filter(java.util.Objects::nonNull).collect(Collectors.joining("&"));
        return qs.isEmpty() ? "/inbox" : "/inbox?" + qs;
    }

    /** "灌南县、灌云县". */
    public String unitNames(Inbox.Item item) {
        return item.unitIds().stream().map(u -> fmt().unitName(plan(), u)).collect(Collectors.joining("、"));
    }

    /** Where the item is handled: its task's page at the unit's block (or the 督办意见). */
    public static String taskLink(Inbox.Item item) {
        return "/tasks/" + Display.pathSegment(item.task().id()) + "#" + item.anchor();
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
