package cn.lyg.xilian.api.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.function.aws.proxy.ApiGatewayServletRequest;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpParameters;
import io.micronaut.http.cookie.Cookies;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.servlet.http.BodyBuilder;
import io.micronaut.servlet.http.ServletHttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A payload 2.0 event read the way API Gateway sends it, where micronaut-aws 4.11.0 reads it differently
 * (micronaut-aws PRs #2454, #2570):
 * <ul>
 *   <li>cookies arrive only in the event's {@code cookies} array (there is no {@code cookie} header): each entry is
 *       a cookie of the request ({@link RequestCookies}), and they are also its {@code Cookie} header;</li>
 *   <li>{@code rawPath} and {@code rawQueryString} are the request target as sent: a repeated parameter stays
 *       repeated and a value containing a comma stays one value (micronaut-aws splits the comma-joined
 *       {@code queryStringParameters});</li>
 *   <li>headers keep API Gateway's comma-joined values, as one list-valued header.</li>
 * </ul>
 */
final class HttpApiRequest<B> extends ApiGatewayServletRequest<B, APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApiRequest.class);

    private final HttpApiResponse<Object> response;
    private final Map<String, List<String>> query;
    private Cookies cookies;
    private MutableHttpParameters parameters;

    HttpApiRequest(APIGatewayV2HTTPEvent event, HttpApiResponse<Object> response, ConversionService conversion,
                   BodyBuilder bodyBuilder) {
        this(event, response, conversion, bodyBuilder, decodeQuery(event.getRawQueryString()));
    }

    private HttpApiRequest(APIGatewayV2HTTPEvent event, HttpApiResponse<Object> response, ConversionService conversion,
                           BodyBuilder bodyBuilder, Map<String, List<String>> query) {
        super(conversion, event, uri(event, query),
                parseMethod(() -> event.getRequestContext().getHttp().getMethod()), LOG, bodyBuilder);
        this.response = response;
        this.query = query;
    }

    private static URI uri(APIGatewayV2HTTPEvent event, Map<String, List<String>> query) {
        String path = event.getRawPath() != null ? event.getRawPath() : event.getRequestContext().getHttp().getPath();
        String raw = event.getRawQueryString();
        try {
            return URI.create(raw == null || raw.isEmpty() ? path : path + "?" + raw);
        } catch (IllegalArgumentException notStrictlyEncoded) {
            // API Gateway passes the target on as the client sent it; re-encode what a lenient client left raw
            // (a space, a backslash, a stray '%'), so that the router answers it (404, 400) instead of the function
            // failing before any route.
            UriBuilder b = UriBuilder.of(encodeRaw(path));
            query.forEach((name, values) -> b.queryParam(name, values.toArray()));
            return b.build();
        }
    }

    /** The path with every character a URI path may not hold raw percent-encoded (existing escapes kept). */
    static String encodeRaw(String path) {
        StringBuilder out = new StringBuilder(path.length());
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xFF;
            boolean escape = c == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
            if (escape || (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0))) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }

    static Map<String, List<String>> decodeQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return params;
    }

    @Override
    public byte[] getBodyBytes() throws EmptyBodyException {
        return getBodyBytes(requestEvent::getBody, requestEvent::getIsBase64Encoded);
    }

    @Override
    public MutableHttpHeaders getHeaders() {
        return getHeaders(this::headersWithCookies, Collections::emptyMap);
    }

    private Map<String, String> headersWithCookies() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (requestEvent.getHeaders() != null) {
            requestEvent.getHeaders().forEach((name, value) -> {
                // API Gateway folds cookies into `cookies`; a cookie header in an event did not come from it.
                if (!HttpHeaders.COOKIE.equalsIgnoreCase(name)) {
                    headers.put(name, value);
                }
            });
        }
        List<String> cookies = requestEvent.getCookies();
        if (cookies != null && !cookies.isEmpty()) {
            headers.put(HttpHeaders.COOKIE, String.join("; ", cookies));
        }
        return headers;
    }

    @Override
    public Cookies getCookies() {
        Cookies parsed = cookies;
        if (parsed == null) {
            List<String> entries = requestEvent.getCookies();
            parsed = new RequestCookies(entries != null ? entries : List.of(), conversionService);
            cookies = parsed;
        }
        return parsed;
    }

    /**
     * The parameters as {@link #decodeQuery} read them from {@code rawQueryString}, once: decoded already, so a value
     * holding '%' or '+' is not decoded a second time (which failed on a stray '%' with a 500).
     */
    @Override
    public MutableHttpParameters getParameters() {
        MutableHttpParameters p = parameters;
        if (p == null) {
            Map<CharSequence, List<String>> values = new java.util.LinkedHashMap<>();
            query.forEach(values::put);
            p = new io.micronaut.http.simple.SimpleHttpParameters(values, conversionService);
            parameters = p;
        }
        return p;
    }

    @Override
    public ServletHttpResponse<APIGatewayV2HTTPResponse, ?> getResponse() {
        return response;
    }
}
