package cn.lyg.xilian.api;

import cn.lyg.xilian.s3.S3EvidenceStore;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * The evidence store of the API function: the stack's S3 bucket ({@code EVIDENCE_BUCKET}). Without a bucket the
 * function has no store and the evidence endpoints answer 503 EVIDENCE_UNAVAILABLE.
 */
@Factory
@Requires(property = "xilian.evidence.bucket", pattern = ".+")
public class EvidenceFactory {

    @Singleton
    @Bean(preDestroy = "close")
    S3EvidenceStore evidenceStore(@Property(name = "xilian.evidence.bucket") String bucket,
                                  @Property(name = "xilian.dynamodb.region") String region,
                                  @Nullable @Property(name = "xilian.evidence.endpoint") String endpoint, Clock clock) {
        return new S3EvidenceStore(new S3EvidenceStore.Settings(bucket, region,
                Optional.ofNullable(endpoint).filter(e -> !e.isBlank()).map(URI::create)), clock);
    }
}
