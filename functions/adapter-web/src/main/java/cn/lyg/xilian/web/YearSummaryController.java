package cn.lyg.xilian.web;

import cn.lyg.xilian.core.view.YearEnd;
import cn.lyg.xilian.core.yearend.YearBulletin;
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
 * 年度总结: the year's final picture as a page, an .xlsx and a .docx (the 情况通报 layout), for coordinators only (a
 * unit gets 403, page and files alike). The year is the path's, whatever the current year: in January 2027
 * /summary/2026 is the year just closed (a year not loaded: 404).
 */
@Controller("/summary")
public class YearSummaryController {

    private final YearEnd yearEnd;
    private final Pages pages;
    private final YearSummaryWriter xlsx;
    private final YearBulletin docx;

    public YearSummaryController(YearEnd yearEnd, Pages pages, YearSummaryWriter xlsx, YearBulletin docx) {
        this.yearEnd = yearEnd;
        this.pages = pages;
        this.xlsx = xlsx;
        this.docx = docx;
    }

    @Get("/{year}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> page(SessionCaller caller, @PathVariable String year) {
        YearSummary summary = yearEnd.summary(caller::planOf, caller.who(), year);
        return pages.ok(new YearSummaryPage(pages.layout(caller), summary));
    }

    /** As the ledger's download: bytes with their content type (binary behind API Gateway, see functions/api). */
    @Get("/{year}/summary.xlsx")
    public HttpResponse<byte[]> download(SessionCaller caller, @PathVariable String year) {
        YearSummary summary = yearEnd.summary(caller::planOf, caller.who(), year);
        return file(xlsx.write(summary), xlsx.contentType(), summary, "xlsx");
    }

    /** The 年度总结 as a printable document (.docx, GB/T 9704 layout), configured as the weekly 情况通报. */
    @Get("/{year}/summary.docx")
    public HttpResponse<byte[]> document(SessionCaller caller, @PathVariable String year) {
        YearSummary summary = yearEnd.summary(caller::planOf, caller.who(), year);
        return file(docx.write(summary), docx.contentType(), summary, "docx");
    }

    private static HttpResponse<byte[]> file(byte[] bytes, String type, YearSummary summary, String extension) {
        return HttpResponse.ok(bytes).contentType(MediaType.of(type))
                .header("Content-Disposition", BoardController.contentDisposition(summary.fileBaseName() + "." + extension,
                        "xilian-summary-" + summary.planYear() + "-" + summary.asOf() + "." + extension));
    }
}
