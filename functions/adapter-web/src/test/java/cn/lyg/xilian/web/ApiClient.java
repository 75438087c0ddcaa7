package cn.lyg.xilian.web;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The JSON API as a client sees it: Bearer token, Idempotency-Key, raw bodies. */
final class ApiClient {

    private final TestApp app;

    ApiClient(TestApp app) {
        this.app = app;
    }

    HttpResponse<String> submit(String taskId, String token, String json) {
        return submit(taskId, token, UUID.randomUUID().toString(), json);
    }

    HttpResponse<String> submit(String taskId, String token, String key, String json) {
        return Http.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/tasks/" + taskId + "/progress")))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.getBytes(StandardCharsets.UTF_8))).build());
    }

    HttpResponse<String> get(String path, String token) {
        return Http.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Authorization", "Bearer " + token).GET().build());
    }
}
