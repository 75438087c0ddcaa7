package cn.lyg.xilian.core.supervision;

import cn.lyg.xilian.core.progress.FieldError;

import java.util.List;

/** What a supervision use case did. Only {@link Done} with {@code replayed == false} wrote anything. */
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
