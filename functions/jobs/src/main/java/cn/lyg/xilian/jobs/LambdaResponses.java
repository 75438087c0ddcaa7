package cn.lyg.xilian.jobs;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.serde.annotation.SerdeImport;

/**
 * Serialization metadata for the aws-lambda-java-events types a handler returns. The Lambda runtime
 * writes a MicronautRequestHandler's output with the context's JsonMapper (Micronaut Serialization),
 * which only writes introspected types; {@link StreamsEventResponse} (the stream handler's partial batch
 * response) ships without it. Our own outputs ({@link AlertScanResult}, {@link WeeklySummaryResult}) are
 * {@code @Serdeable} records instead.
 */
@SerdeImport(StreamsEventResponse.class)
@SerdeImport(StreamsEventResponse.BatchItemFailure.class)
final class LambdaResponses {

    private LambdaResponses() {
    }
}
