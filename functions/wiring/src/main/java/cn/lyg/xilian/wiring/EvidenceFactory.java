package cn.lyg.xilian.wiring;

import cn.lyg.xilian.core.evidence.AttachEvidence;
import cn.lyg.xilian.core.evidence.EvidenceStore;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.evidence.EvidenceRepository;
import cn.lyg.xilian.s3.S3EvidenceStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * The S3 evidence store once a bucket is configured (the stack sets it for the API function and the daily job;
 * without one the evidence endpoints answer 503), and the evidence use case wherever a store exists (the local
 * run's folder included).
 */
@Factory
public class EvidenceFactory {

    @Singleton
    @Requires(property = "xilian.evidence.bucket", pattern = ".+")
    EvidenceStore evidenceStore(EvidenceSettings settings, @Value("${xilian.dynamodb.region}") String region,
                                Clock clock) {
        Optional<URI> endpoint = settings.getEndpoint().isBlank() ? Optional.empty()
                : Optional.of(URI.create(settings.getEndpoint()));
        return new S3EvidenceStore(new S3EvidenceStore.Settings(settings.getBucket(), region, endpoint), clock);
    }

    @Singleton
    @Requires(beans = EvidenceStore.class)
    AttachEvidence attachEvidence(EvidenceStore store, EvidenceRepository records, ProgressRepository progress,
                                  Clock clock) {
        return new AttachEvidence(store, records, progress, clock);
    }
}
