package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.catalog.Field;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.report.LedgerWriter;
import cn.lyg.xilian.core.report.Ledger;
import cn.lyg.xilian.ledger.micronaut.LedgerFactory;
import cn.lyg.xilian.core.view.Board;
import cn.lyg.xilian.core.view.BoardQuery;
import cn.lyg.xilian.core.view.StatusBoard;
import cn.lyg.xilian.web.http.BoardParams;
import cn.lyg.xilian.web.http.Authenticator;
import cn.lyg.xilian.web.http.Pages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import jakarta.inject.Named;

import java.util.List;
import java.util.Map;

/**
 * 进度看板: coordinators see every task, a unit its own. Filters and sort are GET parameters, so every view is a
 * plain link (bookmarkable, no JavaScript); the downloads take the same parameters and give the same rows.
 */
@Controller("/board")
public class BoardController {

    private final Authenticator auth;
    private final PlanCache plans;
    private final StatusBoard board;
    private final Pages pages;
    private final Display display;
    private final LedgerWriter xlsx;
    private final LedgerWriter csv;

    public BoardController(Authenticator auth, PlanCache plans, StatusBoard board, Pages pages, Display display,
                           @Named(LedgerFactory.XLSX) LedgerWriter xlsx,
                           @Named(LedgerFactory.CSV) LedgerWriter csv) {
        this.auth = auth;
        this.plans = plans;
        this.board = board;
        this.pages = pages;
        this.display = display;
        this.xlsx = xlsx;
        this.csv = csv;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> board(HttpRequest<?> request) {
        Principal who = auth.requireSession(request);
        Plan plan = plans.plan();
        Board view = board.board(plan, who, BoardParams.parse(plan, request.getParameters()));
        Map<String, Object> model = ViewModels.base(plan, who, display);
        model.put("board", view);
        model.put("q", view.query());
        model.put("sorts", BoardQuery.Sort.values());
        model.put("lights", List.of(Light.RED, Light.YELLOW, Light.GREEN));
        model.put("fields", Field.values());
        List<Unit> units = who.coordinator() ? plan.units() : List.of();
        model.put("units", units);
        String qs = view.query().queryString();
        model.put("qs", qs.isEmpty() ? "" : "?" + qs);
        return pages.ok("board", model, request);
    }

    @Get("/ledger.xlsx")
    public HttpResponse<byte[]> xlsx(HttpRequest<?> request) {
        return download(request, xlsx);
    }

    @Get("/ledger.csv")
    public HttpResponse<byte[]> csv(HttpRequest<?> request) {
        return download(request, csv);
    }

    /**
     * The file as bytes with its own content type. Behind API Gateway the .xlsx must travel base64-encoded: the
     * API function lists its content type under micronaut.function.binary-types (see functions/api).
     */
    private HttpResponse<byte[]> download(HttpRequest<?> request, LedgerWriter writer) {
        Principal who = auth.requireSession(request);
        Plan plan = plans.plan();
        BoardQuery query = BoardParams.parse(plan, request.getParameters());
        Ledger ledger = board.ledger(plan, who, query);
        String fileName = board.fileBaseName(plan, who, query, ledger) + "." + writer.extension();
        return HttpResponse.ok(writer.write(ledger))
                .contentType(MediaType.of(writer.contentType()))
                .header("Content-Disposition", contentDisposition(fileName, "xilian-ledger-" + ledger.asOf() + "."
                        + writer.extension()));
    }

    /**
     * RFC 6266 with an RFC 5987 {@code filename*} for the Chinese name, plus a plain ASCII {@code filename} for
     * clients that do not read {@code filename*}. Header values must stay ASCII, hence the percent-encoding.
     */
    static String contentDisposition(String fileName, String asciiFallback) {
        return "attachment; filename=\"" + asciiFallback + "\"; filename*=UTF-8''" + rfc5987(fileName);
    }

    /** Percent-encodes every byte outside RFC 5987's attr-char (ALPHA / DIGIT / "!#$&+-.^_`|~"). */
    static String rfc5987(String value) {
        return PercentEncoding.encode(value, "!#$&+-.^_`|~");
    }
}
