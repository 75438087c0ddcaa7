package cn.lyg.xilian.api.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.function.BinaryTypeConfiguration;
import io.micronaut.function.aws.proxy.AbstractServletHttpResponse;
import io.micronaut.http.HttpHeaders;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer in the payload 2.0 shape API Gateway reads: every {@code Set-Cookie} as an entry of {@code cookies}
 * (sign-in and sign-out set cookies, and a header map can hold only one), other headers in {@code headers} with
 * repeated values joined by commas, no {@code multiValueHeaders} (format 2.0 ignores it), and binary bodies
 * (the .xlsx ledger) base64-encoded without MIME line breaks.
 */
final class HttpApiResponse<B> extends AbstractServletHttpResponse<APIGatewayV2HTTPResponse, B> {

    HttpApiResponse(ConversionService conversionService, BinaryTypeConfiguration binaryTypes) {
        super(conversionService, binaryTypes);
    }

    @Override
    public APIGatewayV2HTTPResponse getNativeResponse() {
        Map<String, String> single = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        for (String name : headers.names()) {
            List<String> values = headers.getAll(name);
            if (HttpHeaders.SET_COOKIE.equalsIgnoreCase(name)) {
                cookies.addAll(values);
            } else {
                single.put(name, String.join(", ", values));
            }
        }
        APIGatewayV2HTTPResponse.APIGatewayV2HTTPResponseBuilder r = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status).withHeaders(single).withCookies(cookies.isEmpty() ? null : cookies);
        if (binaryTypeConfiguration.isMediaTypeBinary(getHeaders().getContentType().orElse(null))) {
            r.withIsBase64Encoded(true).withBody(Base64.getEncoder().encodeToString(body.toByteArray()));
        } else {
            String text = body.toString(getCharacterEncoding());
            r.withIsBase64Encoded(false).withBody(text.isEmpty() ? null : text);
        }
        return r.build();
    }
}
