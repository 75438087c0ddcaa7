package cn.lyg.xilian.web.http;

import cn.lyg.xilian.web.PlanCache;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.PostponedRequestArgumentBinder;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * Binds a route's {@link Caller} argument. Postponed: they run after the server filters, on the thread that runs
 * the controller, exactly where the controllers used to check the caller (so the answers, their headers and the
 * SIGN_IN_FAILED log lines are the same). The binders are created with the router, at every cold start: they hold
 * providers only, and reach the credential check and the plan on the first request that needs them.
 */
final class CallerBinders {

    private CallerBinders() {
    }

    @Singleton
    static final class Session implements TypedRequestArgumentBinder<SessionCaller>,
            PostponedRequestArgumentBinder<SessionCaller> {

        private static final Argument<SessionCaller> TYPE = Argument.of(SessionCaller.class);
        private final BeanProvider<Authenticator> auth;
        private final BeanProvider<PlanCache> plans;

        Session(BeanProvider<Authenticator> auth, BeanProvider<PlanCache> plans) {
            this.auth = auth;
            this.plans = plans;
        }

        @Override
        public Argument<SessionCaller> argumentType() {
            return TYPE;
        }

        @Override
        public BindingResult<SessionCaller> bind(ArgumentConversionContext<SessionCaller> context,
                                                 HttpRequest<?> request) {
            SessionCaller caller = caller(request);
            return () -> Optional.of(caller);
        }

        SessionCaller caller(HttpRequest<?> request) {
            Authenticator authenticator = auth.get();
            return new SessionCaller(authenticator.requireSignedIn(request), plans.get(), request, authenticator);
        }
    }

    @Singleton
    static final class Form implements TypedRequestArgumentBinder<SignedForm>,
            PostponedRequestArgumentBinder<SignedForm> {

        private static final Argument<SignedForm> TYPE = Argument.of(SignedForm.class);
        private final Session session;
        private final BeanProvider<RequestBodies> bodies;

        Form(Session session, BeanProvider<RequestBodies> bodies) {
            this.session = session;
            this.bodies = bodies;
        }

        @Override
        public Argument<SignedForm> argumentType() {
            return TYPE;
        }

        @Override
        public BindingResult<SignedForm> bind(ArgumentConversionContext<SignedForm> context, HttpRequest<?> request) {
            SessionCaller caller = session.caller(request);
            Map<String, List<String>> fields = bodies.get().form(request);
            caller.requireCsrf(RequestBodies.first(fields, "_csrf"));
            SignedForm form = new SignedForm(caller, fields);
            return () -> Optional.of(form);
        }
    }

    @Singleton
    static final class Bearer implements TypedRequestArgumentBinder<BearerCaller>,
            PostponedRequestArgumentBinder<BearerCaller> {

        private static final Argument<BearerCaller> TYPE = Argument.of(BearerCaller.class);
        private final BeanProvider<Authenticator> auth;
        private final BeanProvider<PlanCache> plans;

        Bearer(BeanProvider<Authenticator> auth, BeanProvider<PlanCache> plans) {
            this.auth = auth;
            this.plans = plans;
        }

        @Override
        public Argument<BearerCaller> argumentType() {
            return TYPE;
        }

        @Override
        public BindingResult<BearerCaller> bind(ArgumentConversionContext<BearerCaller> context,
                                                HttpRequest<?> request) {
            BearerCaller caller = new BearerCaller(auth.get().bearer(request), plans.get());
            return () -> Optional.of(caller);
        }
    }
}
