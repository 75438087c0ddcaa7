package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.RequestSignInLink;
import cn.lyg.xilian.core.access.ReturnPath;
import cn.lyg.xilian.web.http.Pages;
import cn.lyg.xilian.web.http.RequestBodies;
import cn.lyg.xilian.web.http.SameOriginCheck;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

import static cn.lyg.xilian.web.http.RequestBodies.first;

/**
 * The sign-in page (SignInPage), which a page refused for want of a session shows in its place (ApiExceptionHandler),
 * also at {@code /signin?next=…}: whose page it was, how to sign in, and "把登录链接发到本单位邮箱". The return path travels as a query parameter and
 * a hidden field, then in the emailed link ({@code /login?token=…&next=…}), checked against {@link ReturnPath} at
 * every step; no cookie, so a link opened in another browser or on a phone still lands on the page.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
public class SignInController {

    private static final Logger LOG = LoggerFactory.getLogger(SignInController.class);

    private final SameOriginCheck sameOrigin;
    private final RequestBodies bodies;
    private final PlanCache plans;
    private final Pages pages;
    private final RequestSignInLink requestLink;

    public SignInController(SameOriginCheck sameOrigin, RequestBodies bodies, PlanCache plans, Pages pages,
                            RequestSignInLink requestLink) {
        this.sameOrigin = sameOrigin;
        this.bodies = bodies;
        this.plans = plans;
        this.pages = pages;
        this.requestLink = requestLink;
    }

    /** The same page as a refused page shows in its place (401), at an address of its own: public, reads no session. */
    @Get("/signin")
    public HttpResponse<?> page(@QueryValue @Nullable String next) {
        return pages.ok(new SignInPage(pages.publicLayout(plans.plan()), ReturnPath.parse(next).orElse(null), false,
                null));
    }

    /** Fields {@code unit} (an id from the list) or {@code address}, and {@code next}. No session: same origin only. */
    @Post("/signin/email")
    @Consumes(MediaType.ALL)
    public HttpResponse<?> email(HttpRequest<?> request) {
        sameOrigin.require(request); // no session to carry a CSRF token: our own pages only, as POST /login
        Map<String, List<String>> form = bodies.form(request);
        String unit = first(form, "unit");
        String entry = unit != null && !unit.isBlank() ? unit : first(form, "address");
        ReturnPath next = ReturnPath.parse(first(form, "next")).orElse(null);
        RequestSignInLink.Answer answer = requestLink.request(entry, next == null ? null : next.value(),
                cn.lyg.xilian.web.http.ClientOrigin.address(request));
        // One line per request, never the entry (an address) nor the request id: the outcome only.
        LOG.info("{\"event\":\"SIGN_IN_LINK_REQUESTED\",\"result\":\"{}\"}", answer.getClass().getSimpleName());
        Layout layout = pages.publicLayout(plans.plan());
        return switch (answer) {
            case RequestSignInLink.Accepted a -> pages.ok(new SignInPage(layout, next, true, null));
            case RequestSignInLink.Invalid i -> pages.render(HttpStatus.UNPROCESSABLE_ENTITY,
                    new SignInPage(layout, next, false, i.message()));
            case RequestSignInLink.TooMany t -> pages.render(HttpStatus.TOO_MANY_REQUESTS,
                    new SignInPage(layout, next, false, "申请过于频繁，请一小时后再试，或联系市发改委"))
                    .header("Retry-After", "3600");
        };
    }
}
