package cn.lyg.xilian.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A tiny browser: real sockets, no redirects followed, the cookie carried by hand. */
final class Http {

    static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static HttpResponse<String> get(String url, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b.build());
    }

    static HttpResponse<byte[]> getBytes(String url, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new RuntimeException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
    }

    static HttpResponse<String> postForm(String url, String cookie, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RuntimeException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
    }

    /**
     * Signs in as a browser does: opens the sign-in link (a confirmation page, nothing changes), then presses
     * its button (a same-origin POST). Returns the session cookie as {@code name=value}, after checking its
     * attributes.
     */
    static String signIn(String baseUrl, String token) {
        HttpResponse<String> page = get(baseUrl + "/login?token=" + token, null);
        if (page.statusCode() != 200 || page.headers().firstValue("set-cookie").isPresent()) {
            throw new AssertionError("the sign-in link must only show a confirmation: " + page.statusCode());
        }
        HttpResponse<String> r = postForm(baseUrl + "/login", null, inputs(page.body()), Map.of("Origin", baseUrl));
        String setCookie = r.headers().firstValue("set-cookie").orElseThrow(
                () -> new AssertionError("no session cookie: " + r.statusCode() + " " + r.body()));
        String attributes = setCookie.toLowerCase(java.util.Locale.ROOT);
        if (r.statusCode() != 303 || !attributes.contains("; httponly") || !attributes.contains("; samesite=lax")
                || !attributes.contains("; path=/")) {
            throw new AssertionError("sign-in answered " + r.statusCode() + " with " + setCookie);
        }
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        if (cookie.contains(token)) {
            throw new AssertionError("the cookie holds the sign-in token");
        }
        return cookie;
    }

    static HttpResponse<String> postForm(String url, String cookie, Map<String, String> form,
                                         Map<String, String> headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        headers.forEach(b::header);
        return send(b.build());
    }

    /** Hidden and text inputs of the page, by name. */
    static Map<String, String> inputs(String html) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }
}
