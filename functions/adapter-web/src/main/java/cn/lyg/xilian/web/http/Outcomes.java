package cn.lyg.xilian.web.http;

import cn.lyg.xilian.core.progress.FieldError;
import cn.lyg.xilian.core.progress.Outcome;
import io.micronaut.http.HttpStatus;

import java.util.List;

/** Turns a supervision outcome into its value or the API's error (same codes for the form and the JSON API). */
public final class Outcomes {

    private Outcomes() {
    }

    public static <T> Outcome.Done<T> done(Outcome<T> outcome) {
        return switch (outcome) {
            case Outcome.Done<T> d -> d;
            case Outcome.Invalid<T> inv -> {
                List<FieldError> errors = inv.errors();
                throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, errors.get(0).code(), errors.get(0).message(),
                        errors);
            }
            case Outcome.Forbidden<T> f -> throw new ApiException(HttpStatus.FORBIDDEN, f.code(), f.message());
            case Outcome.NotFound<T> n -> throw new ApiException(HttpStatus.NOT_FOUND, n.code(), n.message());
            case Outcome.Conflict<T> c -> throw new ApiException(HttpStatus.CONFLICT, c.code(), c.message());
        };
    }
}
