package cn.lyg.xilian.web.http;

import cn.lyg.xilian.web.PlanCache;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.PostponedRequestArgumentBinder;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The binders of a route's {@link Caller} argument. Postponed: they run after the server filters, on the thread that
 * runs the controller, exactly where the controllers used to check the caller (so the answers, their headers and
 * the SIGN_IN_FAILED log lines are the same); a refusal is thrown from here and answered like a controller's. The
 * binders are created with the router, at every cold start: they hold providers only, and reach the credential
 * check and the plan on the first request that needs them.
 */
@Factory
final class CallerBinders {

    /** The session of a page request (401 without one). */
    @Singleton
    Binder<SessionCaller> session(BeanProvider<Authenticator> auth, BeanProvider<PlanCache> plans) {
        return new Binder<>(SessionCaller.class, request -> session(auth.get(), plans.get(), request));
    }

    /** The session, then the form's body, then its origin and CSRF token ({@link SignedForm}). */
    @Singleton
    Binder<SignedForm> signedForm(BeanProvider<Authenticator> auth, BeanProvider<PlanCache> plans,
                                  BeanProvider<RequestBodies> bodies) {
        return new Binder<>(SignedForm.class, request -> {
            SessionCaller caller = session(auth.get(), plans.get(), request);
            Map<String, List<String>> fields = bodies.get().form(request);
            caller.requireCsrf(RequestBodies.first(fields, "_csrf"));
            return new SignedForm(caller, fields);
        });
    }

    /** The JSON API's {@code Authorization: Bearer} token (401 without a valid one). */
    @Singleton
    Binder<BearerCaller> bearer(BeanProvider<Authenticator> auth, BeanProvider<PlanCache> plans) {
        return new Binder<>(BearerCaller.class, request -> new BearerCaller(auth.get().bearer(request), plans.get(), request));
    }

    /** The JSON API's progress submission: the Bearer token checked and the submission counted (401, 429). */
    @Singleton
    Binder<BearerSubmitter> bearerSubmitter(BeanProvider<Authenticator> auth, BeanProvider<PlanCache> plans) {
        return new Binder<>(BearerSubmitter.class,
                request -> new BearerSubmitter(auth.get().bearerSubmission(request), plans.get(), request));
    }

    private static SessionCaller session(Authenticator auth, PlanCache plans, HttpRequest<?> request) {
        return new SessionCaller(auth.requireSignedIn(request), plans, request, auth);
    }

    static final class Binder<T> implements TypedRequestArgumentBinder<T>, PostponedRequestArgumentBinder<T> {

        private final Argument<T> type;
        private final Function<HttpRequest<?>, T> caller;

        Binder(Class<T> type, Function<HttpRequest<?>, T> caller) {
            this.type = Argument.of(type);
            this.caller = caller;
        }

        @Override
        public Argument<T> argumentType() {
            return type;
        }

        @Override
        public BindingResult<T> bind(ArgumentConversionContext<T> context, HttpRequest<?> request) {
            T bound = caller.apply(request);
            return () -> Optional.of(bound);
        }
    }
}
