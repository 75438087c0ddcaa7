package cn.lyg.xilian.core.access;

import cn.lyg.xilian.core.catalog.PlanTask;
import org.jspecify.annotations.Nullable;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a browser goes after signing in: a page of this site that needed a session. Only a strict grammar is
 * accepted, so the parameter can never send anyone elsewhere (no open redirect): an absolute path of a known page
 * ({@code /}, {@code /catalog}, {@code /coordinator}, {@code /board}, {@code /summary/<year>},
 * {@code /tasks/<task id>}), optionally with a query of URL-safe characters. Anything else — a scheme, {@code //host}, a backslash, a control character (also
 * percent-encoded), a malformed escape, more than {@value #MAX_LENGTH} characters — is refused as a whole.
 */
public final class ReturnPath {

    public static final int MAX_LENGTH = 300;

    private static final Pattern TASK_PAGE = Pattern.compile("/tasks/(" + PlanTask.ID.pattern() + ")");
    private static final Pattern PATH = Pattern.compile("/|/catalog|/coordinator|/board|/summary/20[0-9]{2}|"
            + TASK_PAGE.pattern());
    /** Unreserved characters, '=', '&', '+' and percent escapes (checked one by one below). */
    private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9._~=&+%-]{1,250}");

    private final String value;

    private ReturnPath(String value) {
        this.value = value;
    }

    /** The path when it is one of ours, else empty (the caller then goes to its default page). */
    public static Optional<ReturnPath> parse(@Nullable String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int q = raw.indexOf('?');
        String path = q < 0 ? raw : raw.substring(0, q);
        String query = q < 0 ? null : raw.substring(q + 1);
        if (!PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        if (query != null && (!QUERY.matcher(query).matches() || !safeEscapes(query))) {
            return Optional.empty();
        }
        return Optional.of(new ReturnPath(raw));
    }

    /** The path when it is one of ours, else the home page {@code /}. */
    public static String orHome(@Nullable String raw) {
        return parse(raw).map(ReturnPath::value).orElse("/");
    }

    /** Every '%' starts two hex digits that do not encode a control character. */
    private static boolean safeEscapes(String query) {
        for (int i = query.indexOf('%'); i >= 0; i = query.indexOf('%', i + 1)) {
            if (i + 2 >= query.length()) {
                return false;
            }
            int hi = Character.digit(query.charAt(i + 1), 16);
            int lo = Character.digit(query.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) {
                return false;
            }
            int b = hi * 16 + lo;
            if (b < 0x20 || b == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** The task whose page this is, when it is a task page. */
    public Optional<String> taskId() {
        int q = value.indexOf('?');
        var m = TASK_PAGE.matcher(q < 0 ? value : value.substring(0, q));
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The path and query, safe to put in a Location header or an href. */
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReturnPath r && r.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
