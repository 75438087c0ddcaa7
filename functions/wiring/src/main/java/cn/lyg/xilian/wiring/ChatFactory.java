package cn.lyg.xilian.wiring;

import cn.lyg.xilian.core.admin.ConfigureRobots;
import cn.lyg.xilian.core.admin.RobotSettings;
import cn.lyg.xilian.core.admin.UnitDirectory;
import cn.lyg.xilian.core.audit.AuditLog;
import cn.lyg.xilian.core.chat.SecretSealer;
import cn.lyg.xilian.kms.KmsSealer;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.time.Clock;

/**
 * 群机器人: the use case that configures the robots (API, local run) and the sealer of their credentials. In AWS the
 * KMS adapter's sealer is configured ({@code xilian.chat.kms-key-id}); the local run seals with a key file of its data
 * directory ({@code xilian.chat.local-key-file}); with neither, nothing can be sealed or opened and saying so is
 * the answer (no robot is stored in the clear).
 */
@Factory
public class ChatFactory {

    /**
     * Chosen when the sealer is first needed, not by {@code @Requires}: the API function's bean lists are computed at
     * build time (Micronaut AOT, functions/api/aot.properties), where no stack's configuration exists.
     */
    @Singleton
    SecretSealer sealer(@Nullable @Property(name = "xilian.chat.local-key-file") String keyFile,
                        @Nullable @Property(name = "xilian.chat.kms-key-id") String kmsKeyId,
                        @Nullable @Property(name = "xilian.chat.kms-region") String kmsRegion,
                        @Nullable @Property(name = "xilian.chat.kms-endpoint") String kmsEndpoint) {
        if (kmsKeyId != null && !kmsKeyId.isBlank()) {
            return KmsSealer.of(kmsKeyId, kmsRegion == null || kmsRegion.isBlank() ? "cn-north-1" : kmsRegion,
                    kmsEndpoint == null || kmsEndpoint.isBlank() ? Optional.empty()
                            : Optional.of(URI.create(kmsEndpoint)));
        }
        if (keyFile != null && !keyFile.isBlank()) {
            return LocalKeySealer.of(Path.of(keyFile));
        }
        return NONE;
    }

    /** Nothing configured: nothing can be sealed or opened, and saying so is the answer. */
    static final SecretSealer NONE = new SecretSealer() {
        @Override
        public String seal(String plain, String context) {
            throw new IllegalStateException("no sealing key is configured (xilian.chat.kms-key-id in AWS, "
                    + "xilian.chat.local-key-file locally): a robot is never stored in the clear");
        }

        @Override
        public String open(String sealed, String context) {
            throw new SealedValueException("no sealing key is configured");
        }
    };

    @Singleton
    ConfigureRobots configureRobots(UnitDirectory units, RobotSettings store, SecretSealer sealer, AuditLog audit,
                                    Clock clock) {
        return new ConfigureRobots(units, store, sealer, audit, clock);
    }
}
