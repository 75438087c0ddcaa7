package cn.lyg.xilian.web;

import cn.lyg.xilian.core.report.LedgerWriter;
import cn.lyg.xilian.core.report.Ledger;
import cn.lyg.xilian.ledger.micronaut.LedgerFactory;
import cn.lyg.xilian.core.view.BoardQuery;
import cn.lyg.xilian.core.view.StatusBoard;
import cn.lyg.xilian.web.http.BoardParams;
import cn.lyg.xilian.web.http.Pages;
import cn.lyg.xilian.web.http.SessionCaller;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import jakarta.inject.Named;

/**
 * 进度看板: coordinators see every task, a unit its own. Filters and sort are GET parameters, so every view is a
 * plain link (bookmarkable, no JavaScript); the downloads take the same parameters and give the same rows.
 */
@Controller("/board")
public class BoardController {

    private final StatusBoard board;
    private final Pages pages;
    private final LedgerWriter xlsx;
    private final LedgerWriter csv;

    public BoardController(StatusBoard board, Pages pages, @Named(LedgerFactory.XLSX) LedgerWriter xlsx,
                           @Named(LedgerFactory.CSV) LedgerWriter csv) {
        this.board = board;
        this.pages = pages;
        this.xlsx = xlsx;
        this.csv = csv;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> board(SessionCaller caller, HttpRequest<?> request) {
        Layout layout = pages.layout(caller);
        return pages.ok(new BoardPage(layout, board.board(caller.plan(), caller.who(),
                BoardParams.parse(caller.plan(), request.getParameters()))));
    }

    @Get("/ledger.xlsx")
    public HttpResponse<byte[]> xlsx(SessionCaller caller, HttpRequest<?> request) {
        return download(caller, request, xlsx);
    }

    @Get("/ledger.csv")
    public HttpResponse<byte[]> csv(SessionCaller caller, HttpRequest<?> request) {
        return download(caller, request, csv);
    }

    /**
     * The file as bytes with its own content type. Behind API Gateway the .xlsx must travel base64-encoded: the
     * API function lists its content type under micronaut.function.binary-types (see functions/api).
     */
    private HttpResponse<byte[]> download(SessionCaller caller, HttpRequest<?> request, LedgerWriter writer) {
        BoardQuery query = BoardParams.parse(caller.plan(), request.getParameters());
        Ledger ledger = board.ledger(caller.plan(), caller.who(), query);
        String fileName = board.fileBaseName(caller.plan(), caller.who(), query, ledger) + "." + writer.extension();
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
