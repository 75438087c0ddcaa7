package cn.lyg.xilian.chat;

import cn.lyg.xilian.core.chat.ChatDeliveryException;
import cn.lyg.xilian.core.chat.ChatMessage;
import cn.lyg.xilian.core.chat.ChatRobot;
import cn.lyg.xilian.core.chat.ChatTransport;
import cn.lyg.xilian.core.chat.ChatVendor;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Posts to the robots' webhooks with the JDK's HTTP client: bounded connect and request timeouts, so a stalled robot
 * fails in bounded time with a clear error. No failure text carries the webhook URL, its token, the secret or the
 * signature: exceptions of the HTTP client are reduced to their kind.
 */
public final class HttpChatTransport implements ChatTransport {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;
    private final Clock clock;
    private final Duration requestTimeout;

    public HttpChatTransport(Clock clock) {
        this(clock, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    public HttpChatTransport(Clock clock, Duration connectTimeout, Duration requestTimeout) {
        this.clock = clock;
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void send(ChatRobot robot, ChatMessage message) {
        VendorRequests.Request request = VendorRequests.of(robot, message, clock);
        byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
        if (robot.vendor() == ChatVendor.FEISHU && body.length > VendorRequests.FEISHU_BODY_LIMIT) {
            throw new ChatDeliveryException(ChatDeliveryException.Kind.REFUSED, "too-long",
                    "FEISHU body of " + body.length + " bytes exceeds 20 KB");
        }
        HttpResponse<String> response;
        try {
            response = client.send(HttpRequest.newBuilder(request.uri()).timeout(requestTimeout)
                            .header("Content-Type", "application/json; charset=utf-8")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ChatDeliveryException(ChatDeliveryException.Kind.RETRY_LATER, "timeout",
                    robot.vendor() + " did not answer in time (" + e.getClass().getSimpleName() + ")");
        } catch (IOException e) {
            throw new ChatDeliveryException(ChatDeliveryException.Kind.RETRY_LATER, "network",
                    robot.vendor() + " unreachable (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatDeliveryException(ChatDeliveryException.Kind.RETRY_LATER, "interrupted",
                    robot.vendor() + " send interrupted");
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new ChatDeliveryException(ChatDeliveryException.Kind.RETRY_LATER, "http-" + status,
                    robot.vendor() + " answered HTTP " + status);
        }
        if (status / 100 != 2 && !response.body().contains("code")) {
            throw new ChatDeliveryException(ChatDeliveryException.Kind.REFUSED, "http-" + status,
                    robot.vendor() + " answered HTTP " + status);
        }
        // 飞书 answers its codes with HTTP 400 too (e.g. 9499 Bad Request): the code decides, whatever the status.
        VendorRequests.accept(robot.vendor(), response.body());
    }
}
