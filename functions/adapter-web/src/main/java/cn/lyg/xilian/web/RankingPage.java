package cn.lyg.xilian.web;

import cn.lyg.xilian.core.view.WeekRanking.Ranking;

import java.util.List;

/**
 * ranking.jte: the units' 排名 of a past week. Coordinators get every unit, sortable by links (no JavaScript), and the
 * week's 情况通报 (.docx); a unit gets its own score and rank only.
 */
public record RankingPage(Layout layout, Ranking ranking) implements PageModel, Framed {

    /** A sortable column: its label and {@code sort} value. */
    public record Column(String label, String sort) {
    }

    public static final List<Column> SORTABLE = List.of(new Column("排名", "rank"), new Column("按时填报", "timeliness"),
            new Column("按期进度", "pace"), new Column("逾期", "overdue"), new Column("退回", "returned"));

    /** "/board/ranking?week=2026-W48&amp;sort=pace" */
    public String sortLink(String sort) {
        return "/board/ranking?week=" + ranking.week().id() + "&sort=" + sort;
    }

    public String weekLink(cn.lyg.xilian.core.report.ReportWeek week) {
        return "/board/ranking?week=" + week.id() + "&sort=" + ranking.sort();
    }

    /** The previous week, and the next one unless this is the last complete week. */
    public cn.lyg.xilian.core.report.ReportWeek previous() {
        return ranking.week().previous();
    }

    public cn.lyg.xilian.core.report.ReportWeek next() {
        return new cn.lyg.xilian.core.report.ReportWeek(ranking.week().monday().plusWeeks(1));
    }

    public boolean hasNext() {
        return ranking.week().compareTo(ranking.latest()) < 0;
    }

    public String bulletinPath() {
        return "/board/bulletin.docx?week=" + ranking.week().id();
    }
}
