package cn.lyg.xilian.api.gateway;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.Cookies;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The request's cookies, one per entry of the event's {@code cookies} array ({@code name=value}). Parsed here
 * because Micronaut's default decoder (the one without Netty, i.e. in Lambda) reads a {@code Cookie} header with
 * {@link java.net.HttpCookie#parse}, a Set-Cookie parser that keeps only the first of several cookies.
 * The first cookie of a name wins, as browsers send the most specific path first.
 */
final class RequestCookies implements Cookies {

    private final ConversionService conversion;
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();

    RequestCookies(List<String> entries, ConversionService conversion) {
        this.conversion = conversion;
        for (String entry : entries) {
            for (String pair : entry.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String name = pair.substring(0, eq).strip();
                    String value = pair.substring(eq + 1).strip();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    cookies.putIfAbsent(name, Cookie.of(name, value));
                }
            }
        }
    }

    @Override
    public Set<Cookie> getAll() {
        return new LinkedHashSet<>(cookies.values());
    }

    @Override
    public Optional<Cookie> findCookie(CharSequence name) {
        return Optional.ofNullable(cookies.get(name.toString()));
    }

    @Override
    public <T> Optional<T> get(CharSequence name, ArgumentConversionContext<T> context) {
        return findCookie(name).flatMap(c -> conversion.convert(c.getValue(), context));
    }

    @Override
    public Collection<Cookie> values() {
        return Collections.unmodifiableCollection(cookies.values());
    }
}
