package cn.lyg.xilian.web;

import cn.lyg.xilian.core.report.WeeklyBulletin;
import cn.lyg.xilian.core.report.WeeklySummary;
import cn.lyg.xilian.core.view.WeekRanking;
import cn.lyg.xilian.web.http.Pages;
import cn.lyg.xilian.web.http.SessionCaller;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import org.jspecify.annotations.Nullable;

/**
 * The board's 排名 of a past week (?week=2026-W48, default the last complete one; ?sort=… for coordinators) and the
 * week's 情况通报 as .docx (coordinators only; a unit gets 403): both read the Monday summary's read model.
 */
@Controller("/board")
public class RankingController {

    private final WeekRanking ranking;
    private final WeeklyBulletin bulletin;
    private final Pages pages;

    public RankingController(WeekRanking ranking, WeeklyBulletin bulletin, Pages pages) {
        this.ranking = ranking;
        this.bulletin = bulletin;
        this.pages = pages;
    }

    @Get("/ranking")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> page(SessionCaller caller, @QueryValue @Nullable String week,
                                @QueryValue @Nullable String sort) {
        return pages.ok(new RankingPage(pages.layout(caller), ranking.ranking(caller.plan(), caller.who(), week, sort)));
    }

    /** As the ledger's download: bytes with their content type (binary behind API Gateway, see functions/api). */
    @Get("/bulletin.docx")
    public HttpResponse<byte[]> bulletin(SessionCaller caller, @QueryValue @Nullable String week) {
        WeeklySummary summary = ranking.bulletinSummary(caller.plan(), caller.who(), week);
        return HttpResponse.ok(bulletin.write(summary))
                .contentType(MediaType.of(bulletin.contentType()))
                .header("Content-Disposition", BoardController.contentDisposition(bulletin.fileName(summary),
                        "xilian-bulletin-" + summary.week().id() + ".docx"));
    }
}
