package cn.lyg.xilian.core.progress;

import java.util.List;

/**
 * What a use case of the supervision loop or of evidence did. Only {@link Done} with {@code replayed == false} wrote
 * anything. Beside {@link FieldError}, the other rule every write shares, so that neither feature depends on the
 * other for it.
 */
public sealed interface Outcome<T> {

    record Done<T>(T value, boolean replayed) implements Outcome<T> {
    }

    record Invalid<T>(List<FieldError> errors) implements Outcome<T> {
    }

    /** 403: the caller may not do this (a unit reviewing, another unit's task …). */
    record Forbidden<T>(String code, String message) implements Outcome<T> {
    }

    record NotFound<T>(String code, String message) implements Outcome<T> {
    }

    /** 409: something else is in the way (a different verdict, a pending request, a reused key). */
    record Conflict<T>(String code, String message) implements Outcome<T> {
    }
}
