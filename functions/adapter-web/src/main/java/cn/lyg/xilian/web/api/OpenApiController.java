package cn.lyg.xilian.web.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The JSON API's OpenAPI document, public (it describes the API, it holds no data): the file micronaut-openapi wrote
 * at compile time, read from the class path when asked for. No static-resource mapping: that would add a resolver to
 * every start of the API function; this is one route of a controller created on its first request.
 */
@Controller("/api")
@Hidden
public class OpenApiController {

    /** Where micronaut-openapi writes the document (openapi.properties: micronaut.openapi.filename). */
    public static final String DOCUMENT = "META-INF/swagger/xilian-api.yml";
    /** RFC 9512's type for YAML, which is UTF-8. */
    public static final String MEDIA_TYPE = "application/yaml; charset=utf-8";

    @Get(value = "/openapi.yml", produces = MEDIA_TYPE)
    public HttpResponse<byte[]> document() {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is not on the class path: the build writes it");
            }
            return HttpResponse.ok(in.readAllBytes()).contentType(MEDIA_TYPE)
                    .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
