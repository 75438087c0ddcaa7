package cn.lyg.xilian.local;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;

import java.io.IOException;
import java.io.InputStream;

/**
 * Test only ({@code test.upload-sink=true}): reads a body of any size as a stream and answers its length, optionally
 * pausing after every 64 KB (a slow consumer), for {@link SlowRequestSecurityTest}.
 */
@Controller("/test-only")
@Requires(property = "test.upload-sink", value = "true")
public class UploadSink {

    @Post(value = "/upload-sink", consumes = MediaType.ALL, produces = MediaType.TEXT_PLAIN)
    public HttpResponse<?> sink(@Body InputStream body, @QueryValue(defaultValue = "0") int pauseMillis)
            throws IOException, InterruptedException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = body.readNBytes(buffer, 0, buffer.length); n > 0; n = body.readNBytes(buffer, 0, buffer.length)) {
            total += n;
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
        }
        return HttpResponse.ok(Long.toString(total));
    }
}
