package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.port.CredentialRepository;
import cn.lyg.xilian.core.port.ProgressRepository;
import cn.lyg.xilian.core.progress.SubmitProgress;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The core use cases are plain classes (core knows no DI wiring); they are assembled here. */
@Factory
public class WebFactory {

    /** Tests replace this bean to control "now" (days left, expiry, submission order). */
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    Credentials credentials(CredentialRepository repository, Clock clock) {
        return new Credentials(repository, clock);
    }

    @Singleton
    SubmitProgress submitProgress(ProgressRepository repository, Clock clock) {
        return new SubmitProgress(repository, clock);
    }
}
