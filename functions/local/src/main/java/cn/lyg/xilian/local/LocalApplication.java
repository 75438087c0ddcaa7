package cn.lyg.xilian.local;

import io.micronaut.runtime.Micronaut;

/** Starts the local application; infra/bin/local starts dynalite first and passes its endpoint. */
public final class LocalApplication {

    private LocalApplication() {
    }

    /** Activates application-local.yml and the beans that only the local run has (bootstrap, schedules). */
    public static final String ENVIRONMENT = "local";

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(LocalApplication.class).environments(ENVIRONMENT).banner(false).start();
    }
}
