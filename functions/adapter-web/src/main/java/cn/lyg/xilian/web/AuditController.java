package cn.lyg.xilian.web;

import cn.lyg.xilian.core.admin.AdminQueries.Names;
import cn.lyg.xilian.core.audit.AuditTrail;
import cn.lyg.xilian.ledger.AuditWorkbook;
import cn.lyg.xilian.web.http.AuditParams;
import cn.lyg.xilian.web.http.SessionCaller;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

/**
 * 操作留痕 (coordinators only): a month of the trail, filtered by GET parameters ({@link AuditParams}), and the same
 * rows as .xlsx. Read only: nothing on record is edited or deleted through the product.
 */
@Controller("/admin")
public class AuditController {

    /** The month selector offers this many months back from the current one. */
    private static final int MONTHS = 24;

    private final AuditTrail trail;
    private final AdminPages admin;

    public AuditController(AuditTrail trail, AdminPages admin) {
        this.trail = trail;
        this.admin = admin;
    }

    @Get("/audit")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> audit(SessionCaller caller, HttpRequest<?> request) {
        Layout layout = admin.layout(caller);
        AuditTrail.Filter filter = AuditParams.parse(request.getParameters(), trail.currentMonth());
        YearMonth now = trail.currentMonth();
        List<YearMonth> months = Stream.iterate(now, m -> m.minusMonths(1)).limit(MONTHS).toList();
        if (!months.contains(filter.month())) {
            months = Stream.concat(months.stream(), Stream.of(filter.month())).toList();
        }
        return admin.pages().ok(new AuditPage(layout, filter, trail.entries(filter), admin.queries().names(), months));
    }

    /** The filtered month as a workbook (its content type is a binary type of the API function, as the ledger's). */
    @Get("/audit.xlsx")
    public HttpResponse<byte[]> xlsx(SessionCaller caller, HttpRequest<?> request) {
        AdminPages.requireCoordinator(caller);
        AuditTrail.Filter filter = AuditParams.parse(request.getParameters(), trail.currentMonth());
        Names names = admin.queries().names();
        return HttpResponse.ok(AuditWorkbook.write(filter.month(), trail.entries(filter), names::of))
                .contentType(MediaType.of(AuditWorkbook.CONTENT_TYPE))
                .header("Content-Disposition", BoardController.contentDisposition(
                        AuditWorkbook.fileName(filter.month()), "xilian-audit-" + filter.month() + ".xlsx"));
    }
}
