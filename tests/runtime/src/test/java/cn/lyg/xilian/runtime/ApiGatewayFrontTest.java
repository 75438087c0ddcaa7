package cn.lyg.xilian.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front's two translations, seen with a function that records its event and answers a fixed response: the
 * event is what API Gateway (HTTP API, payload 2.0) sends; the answer reaches the client as API Gateway sends it.
 */
class ApiGatewayFrontTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aBrowserRequestBecomesThePayload20EventApiGatewaySends() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        try (ApiGatewayFront front = ApiGatewayFront.start(event -> {
            seen.set(event);
            return "{\"statusCode\":204}";
        }, 0, null)) {
            String form = "progress=" + java.net.URLEncoder.encode("已签约，总投资3.5亿元", StandardCharsets.UTF_8) + "&percent=40";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(front.baseUrl()
                            + "/board/%E6%9D%BF?light=RED&light=GREEN&q=a%2Cb"))
                    .header("Cookie", "xilian_token=abc; theme=dark")
                    .header("Cookie", "_ga=GA1.2")
                    .header("Accept-Language", "zh-CN")
                    .header("Accept-Language", "en;q=0.5")
                    .header("User-Agent", "Mozilla/5.0 test")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(204);

            JsonNode e = JSON.readTree(seen.get());
            assertThat(e.path("version").asText()).isEqualTo("2.0");
            assertThat(e.path("rawPath").asText()).isEqualTo("/board/%E6%9D%BF");
            assertThat(e.path("rawQueryString").asText()).isEqualTo("light=RED&light=GREEN&q=a%2Cb");
            assertThat(e.path("queryStringParameters").path("light").asText()).isEqualTo("RED,GREEN");
            assertThat(e.has("multiValueQueryStringParameters")).isFalse();
            assertThat(e.has("multiValueHeaders")).isFalse();
            assertThat(e.path("cookies")).extracting(JsonNode::asText)
                    .containsExactly("xilian_token=abc", "theme=dark", "_ga=GA1.2");
            JsonNode headers = e.path("headers");
            headers.fieldNames().forEachRemaining(n -> assertThat(n).isLowerCase());
            assertThat(headers.has("cookie")).as("cookies travel only in the cookies array").isFalse();
            assertThat(headers.path("accept-language").asText()).isEqualTo("zh-CN,en;q=0.5");
            assertThat(headers.path("content-type").asText()).isEqualTo("application/x-www-form-urlencoded");
            assertThat(headers.path("x-forwarded-proto").asText()).isEqualTo("http");
            assertThat(e.path("isBase64Encoded").asBoolean()).isTrue();
            assertThat(new String(Base64.getDecoder().decode(e.path("body").asText()), StandardCharsets.UTF_8))
                    .isEqualTo(form);
            JsonNode rc = e.path("requestContext");
            assertThat(rc.path("http").path("method").asText()).isEqualTo("POST");
            assertThat(rc.path("http").path("path").asText()).isEqualTo("/board/%E6%9D%BF");
            assertThat(rc.path("http").path("protocol").asText()).isEqualTo("HTTP/1.1");
            assertThat(rc.path("http").path("sourceIp").asText()).isEqualTo("127.0.0.1");
            assertThat(rc.path("http").path("userAgent").asText()).isEqualTo("Mozilla/5.0 test");
            assertThat(rc.path("domainName").asText()).isEqualTo("127.0.0.1:" + front.port());
            assertThat(rc.path("stage").asText()).isEqualTo("$default");
            assertThat(rc.path("requestId").asText()).isNotBlank();
            assertThat(rc.path("timeEpoch").asLong()).isPositive();
        }
    }

    @Test
    void theFunctionsAnswerReachesTheClientAsApiGatewaySendsIt() throws Exception {
        byte[] xlsx = {0x50, 0x4b, 0x03, 0x04, (byte) 0xff, 0x00};
        String answer = """
                {"statusCode":200,"headers":{"content-type":"application/octet-stream","x-one":"a,b"},
                 "multiValueHeaders":{"x-ignored":["1","2"]},
                 "cookies":["a=1; Path=/; HttpOnly","b=2; Max-Age=0"],
                 "isBase64Encoded":true,"body":"%s"}""".formatted(Base64.getEncoder().encodeToString(xlsx));
        try (ApiGatewayFront front = ApiGatewayFront.start(event -> answer, 0, null)) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(front.baseUrl() + "/x")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(xlsx);
            assertThat(r.headers().allValues("set-cookie")).containsExactly("a=1; Path=/; HttpOnly", "b=2; Max-Age=0");
            assertThat(r.headers().firstValue("x-one")).contains("a,b");
            assertThat(r.headers().firstValue("x-ignored")).isEmpty();
        }
        try (ApiGatewayFront failing = ApiGatewayFront.start(event -> null, 0, null)) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(failing.baseUrl() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
        }
    }

    @Test
    void anEmptyFormPostKeepsItsContentType() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        try (ApiGatewayFront front = ApiGatewayFront.start(event -> {
            seen.set(event);
            return "{\"statusCode\":303}";
        }, 0, null)) {
            http.send(HttpRequest.newBuilder(URI.create(front.baseUrl() + "/logout"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());

            JsonNode e = JSON.readTree(seen.get());
            assertThat(e.path("headers").path("content-type").asText()).isEqualTo("application/x-www-form-urlencoded");
            assertThat(e.has("body")).isFalse();
        }
    }
}
