package cn.lyg.xilian.web.http;

import cn.lyg.xilian.core.progress.Outcome;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;

/** Turns a supervision outcome into its value or the API's error (same codes for the form and the JSON API). */
public final class Outcomes {

    private Outcomes() {
    }

    /** The JSON API's answer to a write: {@code replayed} (a retry under the same key) and what is stored. */
    @Serdeable
    public record Result<T>(boolean replayed, T item) {
    }

    public static <T> Outcome.Done<T> done(Outcome<T> outcome) {
        return switch (outcome) {
            case Outcome.Done<T> d -> d;
            case Outcome.Invalid<T> inv -> throw ApiException.invalid(inv.errors());
            case Outcome.Forbidden<T> f -> throw new ApiException(HttpStatus.FORBIDDEN, f.code(), f.message());
            case Outcome.NotFound<T> n -> throw new ApiException(HttpStatus.NOT_FOUND, n.code(), n.message());
            case Outcome.Conflict<T> c -> throw new ApiException(HttpStatus.CONFLICT, c.code(), c.message());
        };
    }

    /** 201 with {@code replayed: false} when stored now, 200 with {@code replayed: true} on a retry; else the error. */
    public static <T> HttpResponse<Result<T>> answer(Outcome<T> outcome) {
        Outcome.Done<T> done = done(outcome);
        return done.replayed() ? HttpResponse.ok(new Result<>(true, done.value()))
                : HttpResponse.created(new Result<>(false, done.value()));
    }
}
