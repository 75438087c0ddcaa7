package cn.lyg.xilian.web;

import cn.lyg.xilian.core.admin.AdminQueries.Names;
import cn.lyg.xilian.core.audit.Actor;
import cn.lyg.xilian.core.audit.AuditAction;
import cn.lyg.xilian.core.audit.AuditEntry;
import cn.lyg.xilian.core.audit.AuditTrail.Filter;
import io.micronaut.core.annotation.Nullable;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** audit.jte: 操作留痕 of one month (Asia/Shanghai), filtered by GET parameters (every view a plain link). */
public record AuditPage(Layout layout, Filter filter, List<AuditEntry> entries, Names names, List<YearMonth> months)
        implements PageModel, Framed {

    public AuditAction[] actions() {
        return AuditAction.values();
    }

    /** Who may be picked: every named coordinator, the shared coordinator link, every unit, the command line, the jobs. */
    public Map<String, String> actors() {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        names.coordinators().forEach(all::put);
        all.put(Actor.UNNAMED_COORDINATOR, names.of(new Actor(Actor.Kind.COORDINATOR, Actor.UNNAMED_COORDINATOR)));
        names.units().forEach(all::put);
        all.put(Actor.OPERATOR.id(), names.of(Actor.OPERATOR));
        all.put(Actor.SYSTEM.id(), names.of(Actor.SYSTEM));
        return all;
    }

    public String who(AuditEntry e) {
        return names.of(e.actor());
    }

    public String time(AuditEntry e) {
        return fmt().time(e.at());
    }

    /** The agent cut to its first 60 characters (the whole one is in the .xlsx). */
    public static String agent(@Nullable String ua) {
        return ua == null ? "" : ua.length() > 60 ? ua.substring(0, 60) + "…" : ua;
    }

    /** The filter's query string, for the download link of the same rows. */
    public String query() {
        return Stream.of("month=" + filter.month(),
                        blank(filter.actorId()) ? null : "actor=" + Display.pathSegment(filter.actorId()),
                        filter.action() == null ? null : "action=" + filter.action().name(),
                        blank(filter.targetContains()) ? null : "target=" + PercentEncoding.encode(filter.targetContains(), "-._~"))
                .filter(java.util.Objects::nonNull).collect(Collectors.joining("&"));
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
