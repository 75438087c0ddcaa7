package cn.lyg.xilian.web;

import cn.lyg.xilian.core.view.YearEnd;
import cn.lyg.xilian.core.yearend.YearSummary;
import cn.lyg.xilian.core.yearend.YearSummaryWriter;
import cn.lyg.xilian.web.http.Pages;
import cn.lyg.xilian.web.http.SessionCaller;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;

/**
 * 年度总结: the year's final picture as a page and as an .xlsx, for coordinators (a unit gets 403). The year is in
 * the path, so links stay valid once several years are served; today only the configured year exists (404 else).
 */
@Controller("/summary")
public class YearSummaryController {

    private final YearEnd yearEnd;
    private final Pages pages;
    private final YearSummaryWriter xlsx;

    public YearSummaryController(YearEnd yearEnd, Pages pages, YearSummaryWriter xlsx) {
        this.yearEnd = yearEnd;
        this.pages = pages;
        this.xlsx = xlsx;
    }

    @Get("/{year}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> page(SessionCaller caller, @PathVariable String year) {
        YearSummary summary = yearEnd.summary(caller.plan(), caller.who(), year);
        return pages.ok(new YearSummaryPage(pages.layout(caller), summary));
    }

    /** As the ledger's download: bytes with their content type (binary behind API Gateway, see functions/api). */
    @Get("/{year}/summary.xlsx")
    public HttpResponse<byte[]> download(SessionCaller caller, @PathVariable String year) {
        YearSummary summary = yearEnd.summary(caller.plan(), caller.who(), year);
        return HttpResponse.ok(xlsx.write(summary))
                .contentType(MediaType.of(xlsx.contentType()))
                .header("Content-Disposition", BoardController.contentDisposition(summary.fileBaseName() + ".xlsx",
                        "xilian-summary-" + summary.planYear() + "-" + summary.asOf() + ".xlsx"));
    }
}
