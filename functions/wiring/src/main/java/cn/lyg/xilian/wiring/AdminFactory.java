package cn.lyg.xilian.wiring;

import cn.lyg.xilian.core.access.CredentialRepository;
import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.LinkRequestRepository;
import cn.lyg.xilian.core.access.RequestSignInLink;
import cn.lyg.xilian.core.admin.Administer;
import cn.lyg.xilian.core.admin.Directory;
import cn.lyg.xilian.core.admin.UnitDirectory;
import cn.lyg.xilian.core.audit.AuditLog;
import cn.lyg.xilian.core.audit.AuditTrail;
import cn.lyg.xilian.core.catalog.UnitRegistry;
import cn.lyg.xilian.core.mail.EmailAddress;
import cn.lyg.xilian.core.progress.ProgressRepository;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * 单位与账号管理 and 操作留痕: the directory (stored profiles over the shipped registry), the trail, and the use cases
 * that change them. Shared by the API, the jobs (contacts) and the local run, which holds them all.
 */
@Factory
public class AdminFactory {

    /** The registry shipped in core is the seed; the configured contacts (when the function has any) seed contacts. */
    @Singleton
    UnitDirectory unitDirectory(Directory store, @Nullable SeedContacts seed) {
        return new UnitDirectory(store, UnitRegistry.load(), seed == null ? unitId -> List.of()
                : unitId -> seed.of(unitId).stream().map(EmailAddress::normalise).flatMap(Optional::stream)
                .distinct().toList());
    }

    @Singleton
    AuditTrail auditTrail(AuditLog log, Clock clock) {
        return new AuditTrail(log, clock);
    }

    /**
     * The listener is the local run's (it sends a link at once); in AWS there is none: the table's stream drives the
     * jobs' SendSignInLink, as for a link a unit asks for.
     */
    @Singleton
    Administer administer(UnitDirectory units, Directory store, Credentials credentials,
                          CredentialRepository credentialStore, LinkRequestRepository linkRequests,
                          @Nullable RequestSignInLink.Listener listener, ProgressRepository progress, AuditLog audit,
                          Clock clock) {
        return new Administer(units, store, credentials, credentialStore, linkRequests,
                listener == null ? RequestSignInLink.Listener.NONE : listener, progress, audit, clock);
    }
}
