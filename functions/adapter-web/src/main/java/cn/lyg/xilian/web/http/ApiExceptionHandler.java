package cn.lyg.xilian.web.http;

import cn.lyg.xilian.core.progress.FieldError;
import cn.lyg.xilian.web.Layout;
import cn.lyg.xilian.web.MessagePage;
import io.micronaut.context.annotation.Requires;
import cn.lyg.xilian.core.access.ReturnPath;
import io.micronaut.http.HttpHeaders;
import cn.lyg.xilian.web.PlanCache;
import cn.lyg.xilian.web.SignInPage;
import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON under /api (code and Chinese message), a Chinese HTML page elsewhere (the message only, in the site's frame:
 * with the navigation when signed in).
 */
@Produces
@Singleton
@Requires(classes = {ApiException.class, ExceptionHandler.class})
public class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<?>> {

    /** At most this many field errors are listed in one answer; the message counts the rest. */
    public static final int MAX_FIELD_ERRORS = 20;

    private final Pages pages;
    // A provider: the plan is read only when a sign-in page is answered (this handler is built with the server).
    private final BeanProvider<PlanCache> plans;

    public ApiExceptionHandler(Pages pages, BeanProvider<PlanCache> plans) {
        this.pages = pages;
        this.plans = plans;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ApiException e) {
        return respond(request, e);
    }

    public HttpResponse<?> respond(HttpRequest<?> request, ApiException e) {
        if (request.getPath().startsWith("/api/")) {
            Map<String, ErrorBody.FieldMessage> fields = new LinkedHashMap<>();
            for (FieldError f : e.fields()) {
                if (fields.size() == MAX_FIELD_ERRORS) {
                    break; // a body with thousands of bad keys must not get an answer thousands of entries long
                }
                fields.putIfAbsent(f.field(), new ErrorBody.FieldMessage(f.code(), f.message()));
            }
            long distinct = e.fields().stream().map(FieldError::field).distinct().count();
            String message = distinct > fields.size()
                    ? e.getMessage() + "（另有 " + (distinct - fields.size()) + " 处字段错误未列出）" : e.getMessage();
            return retryAfter(HttpResponse.status(e.status()).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(new ErrorBody(e.code(), message, fields)));
        }
        int status = e.status().getCode();
        if (status == 401) {
            return signInFirst(request, e);
        }
        // The page shows no code (people read the message; the code is in a data attribute); the session is not
        // looked up where the storage is known to be down (503).
        Layout layout = pages.layoutOf(request, status != 503);
        return retryAfter(pages.render(e.status(), new MessagePage(layout, title(status), e.getMessage(), e.code(),
                false)));
    }

    private static String title(int status) {
        return switch (status) {
            case 401 -> "请登录";
            case 403 -> "无权访问";
            case 404 -> "页面不存在";
            case 405 -> "无法打开该地址";
            case 429 -> "提交过于频繁";
            default -> status >= 500 ? "系统暂时无法完成请求" : "无法完成请求";
        };
    }

    /**
     * A page opened without a (valid) session: not a dead end but the sign-in page (still 401), which says whose page
     * it is, how to sign in and offers a new link by email that leads back here. Only a path of ours travels along
     * ({@link ReturnPath}); at /login, the {@code next} the link carried.
     */
    private MutableHttpResponse<?> signInFirst(HttpRequest<?> request, ApiException e) {
        String here;
        if (request.getPath().equals("/login")) {
            here = request.getParameters().get("next");
        } else {
            String query = request.getUri().getRawQuery();
            here = request.getPath() + (query == null || query.isEmpty() ? "" : "?" + query);
        }
        return pages.render(e.status(), new SignInPage(pages.publicLayout(plans.get().plan()),
                ReturnPath.parse(here).orElse(null), false, null, new SignInPage.Refusal(e.getMessage(), e.code())));
    }

    /** A 429 (the submission limit counts per clock minute) says when to come back, on the form as in the API. */
    private static MutableHttpResponse<?> retryAfter(MutableHttpResponse<?> response) {
        return response.code() == 429 ? response.header(HttpHeaders.RETRY_AFTER, "60") : response;
    }
}
