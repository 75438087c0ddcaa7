package cn.lyg.xilian.web.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.Set;

/**
 * The table could not be reached in time (the SDK's call/attempt timeouts, a refused connection, throttling,
 * a 5xx or a missing table): 503 with {@code STORAGE_UNAVAILABLE} in the usual error shape (JSON under /api,
 * a Chinese page elsewhere) and {@code Retry-After}. Every write is idempotent, so the user's retry with the
 * same Idempotency-Key (the form repeats its hidden key) is stored once or answered as a replay.
 * Any other SDK failure is a defect: 500 {@code INTERNAL_ERROR}, same shape.
 */
@Produces
@Singleton
@Requires(classes = {SdkException.class, ExceptionHandler.class})
public class StorageFailureHandler implements ExceptionHandler<SdkException, HttpResponse<?>> {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger LOG = LoggerFactory.getLogger(StorageFailureHandler.class);
    private static final Set<String> UNAVAILABLE_CODES = Set.of("ResourceNotFoundException",
            "ProvisionedThroughputExceededException", "RequestLimitExceeded", "ThrottlingException",
            "LimitExceededException", "InternalServerError", "ServiceUnavailable");

    private final ApiExceptionHandler errors;

    public StorageFailureHandler(ApiExceptionHandler errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, SdkException e) {
        if (unavailable(e)) {
            LOG.warn("storage unavailable for {} {}: {}", request.getMethod(), request.getPath(), e.toString());
            HttpResponse<?> response = errors.respond(request, new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                    "STORAGE_UNAVAILABLE", "数据服务暂时不可用，请稍后重试。重新提交同一份报告不会重复记录。"));
            return response instanceof MutableHttpResponse<?> mutable
                    ? mutable.header("Retry-After", RETRY_AFTER_SECONDS) : response;
        }
        LOG.error("storage call failed for {} {}", request.getMethod(), request.getPath(), e);
        return errors.respond(request, new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "系统内部错误，请稍后重试或联系管理员。"));
    }

    /** Timeouts and connection failures are client exceptions; throttling, 5xx and a missing table are service ones. */
    static boolean unavailable(SdkException e) {
        if (e instanceof SdkClientException) {
            return true;
        }
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            return service.statusCode() >= 500 || service.isThrottlingException()
                    || (code != null && UNAVAILABLE_CODES.contains(code));
        }
        return e.retryable();
    }
}
