package cn.lyg.xilian.web.http;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.view.InboxQueries;
import cn.lyg.xilian.html.EscapedHtml;
import cn.lyg.xilian.web.AdminCoordinatorsPage;
import cn.lyg.xilian.web.AdminUnitPage;
import cn.lyg.xilian.web.AdminUnitsPage;
import cn.lyg.xilian.web.AuditPage;
import cn.lyg.xilian.web.BoardPage;
import cn.lyg.xilian.web.LinkIssuedPage;
import cn.lyg.xilian.web.CatalogPage;
import cn.lyg.xilian.web.ConfirmationPage;
import cn.lyg.xilian.web.CoordinatorPage;
import cn.lyg.xilian.web.Display;
import cn.lyg.xilian.web.EvidenceUploadPage;
import cn.lyg.xilian.web.InboxPage;
import cn.lyg.xilian.web.Layout;
import cn.lyg.xilian.web.LoginPage;
import cn.lyg.xilian.web.MessagePage;
import cn.lyg.xilian.web.MyTasksPage;
import cn.lyg.xilian.web.PageModel;
import cn.lyg.xilian.web.SignInPage;
import cn.lyg.xilian.web.TaskDetailPage;
import cn.lyg.xilian.web.YearSummaryPage;
import cn.lyg.xilian.web.templates.JteadmincoordinatorsGenerated;
import cn.lyg.xilian.web.templates.JteadminunitGenerated;
import cn.lyg.xilian.web.templates.JteadminunitsGenerated;
import cn.lyg.xilian.web.templates.JteauditGenerated;
import cn.lyg.xilian.web.templates.JteboardGenerated;
import cn.lyg.xilian.web.templates.JtelinkissuedGenerated;
import cn.lyg.xilian.web.templates.JterankingGenerated;
import cn.lyg.xilian.web.templates.JtecatalogGenerated;
import cn.lyg.xilian.web.templates.JteconfirmationGenerated;
import cn.lyg.xilian.web.templates.JtecoordinatorGenerated;
import cn.lyg.xilian.web.templates.JteevidenceuploadGenerated;
import cn.lyg.xilian.web.templates.JteinboxGenerated;
import cn.lyg.xilian.web.templates.JteloginGenerated;
import cn.lyg.xilian.web.templates.JtemessageGenerated;
import cn.lyg.xilian.web.templates.JtemytasksGenerated;
import cn.lyg.xilian.web.templates.JtesigninGenerated;
import cn.lyg.xilian.web.templates.JtetaskGenerated;
import cn.lyg.xilian.web.templates.JteyearsummaryGenerated;
import gg.jte.html.HtmlTemplateOutput;
import cn.lyg.xilian.web.PlanCache;
import cn.lyg.xilian.web.YearView;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Renders a page (src/main/jte, compiled to Java at build time) to a string response. Done explicitly instead of
 * returning a view name: exception handlers render pages too, and an explicit body behaves the same on Netty and
 * behind the Lambda proxy. Each {@link PageModel} record goes to its template's generated render method, typed:
 * nothing is looked up by name or passed as a map. Every {@code ${…}} is escaped by {@link EscapedHtml}; no template
 * writes raw text.
 */
@Singleton
public class Pages {

    private static final MediaType HTML = MediaType.of("text/html;charset=utf-8");

    private final Display display;
    // Providers: the error pages are rendered by beans built with the server, before the sessions or the plan
    // are needed (ErrorAnswers); a context without them (a test app) renders its error pages without navigation.
    private final BeanProvider<Authenticator> auth;
    private final BeanProvider<PlanCache> plans;
    private final BeanProvider<InboxQueries> inbox;

    public Pages(Display display, BeanProvider<Authenticator> auth, BeanProvider<PlanCache> plans,
                 BeanProvider<InboxQueries> inbox) {
        this.display = display;
        this.auth = auth;
        this.plans = plans;
        this.inbox = inbox;
    }

    public MutableHttpResponse<String> render(HttpStatus status, PageModel page) {
        EscapedHtml out = new EscapedHtml();
        write(page, out);
        return HttpResponse.<String>status(status).contentType(HTML).body(out.toString());
    }

    public MutableHttpResponse<String> ok(PageModel page) {
        return render(HttpStatus.OK, page);
    }

    /**
     * The frame of a signed-in page: the caller, the plan, the session's CSRF token for its forms and, for a
     * coordinator, the 待办 count of the header (two reads: the pairs' states and the waiting index).
     */
    public Layout layout(SessionCaller caller) {
        return layout(caller, inbox.get().count(caller.plan(), caller.who()));
    }

    /** The frame with a 待办 count already known (the 待办 page has just counted it: not read twice). */
    public Layout layout(SessionCaller caller, @Nullable Integer waiting) {
        Principal who = caller.who();
        return new Layout(caller.plan(), display, who, caller.csrfToken(), waiting,
                YearView.of(caller.plan().year(), plans.get().years(), plans.get().today(),
                        year -> who.coordinator() || !plans.get().plan(year).tasksFor(who.unitId()).isEmpty()));
    }

    /** The frame of a public page: no navigation, whoever is signed in. */
    public Layout publicLayout(Plan plan) {
        return new Layout(plan, display, null, null, null);
    }

    /**
     * The frame of a page anyone may open (the plan, an error page): the navigation when the request has a valid
     * session and {@code lookUpSession}; null when even the plan cannot be read (the page is shown without its frame:
     * an error page must render whatever failed).
     */
    @Nullable
    public Layout layoutOf(HttpRequest<?> request, boolean lookUpSession) {
        try {
            Plan plan = plans.get().plan();
            if (lookUpSession) {
                Optional<Authenticator.SignedIn> session = auth.get().currentSession(request);
                if (session.isPresent()) {
                    // No 待办 count on these pages: an error page must not depend on more reads than it needs.
                    return new Layout(plan, display, session.get().principal(), session.get().csrfToken(), null);
                }
            }
            return publicLayout(plan);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void write(PageModel page, HtmlTemplateOutput out) {
        switch (page) {
            case BoardPage p -> JteboardGenerated.render(out, null, p);
            case CatalogPage p -> JtecatalogGenerated.render(out, null, p);
            case ConfirmationPage p -> JteconfirmationGenerated.render(out, null, p);
            case CoordinatorPage p -> JtecoordinatorGenerated.render(out, null, p);
            case EvidenceUploadPage p -> JteevidenceuploadGenerated.render(out, null, p);
            case InboxPage p -> JteinboxGenerated.render(out, null, p);
            case LoginPage p -> JteloginGenerated.render(out, null, p);
            case MessagePage p -> JtemessageGenerated.render(out, null, p);
            case MyTasksPage p -> JtemytasksGenerated.render(out, null, p);
            case cn.lyg.xilian.web.RankingPage p -> JterankingGenerated.render(out, null, p);
            case SignInPage p -> JtesigninGenerated.render(out, null, p);
            case TaskDetailPage p -> JtetaskGenerated.render(out, null, p);
            case YearSummaryPage p -> JteyearsummaryGenerated.render(out, null, p);
            case AdminUnitsPage p -> JteadminunitsGenerated.render(out, null, p);
            case AdminUnitPage p -> JteadminunitGenerated.render(out, null, p);
            case LinkIssuedPage p -> JtelinkissuedGenerated.render(out, null, p);
            case AdminCoordinatorsPage p -> JteadmincoordinatorsGenerated.render(out, null, p);
            case AuditPage p -> JteauditGenerated.render(out, null, p);
            case cn.lyg.xilian.web.AdminRobotsPage p -> cn.lyg.xilian.web.templates.JteadminrobotsGenerated.render(out, null, p);
        }
    }
}
