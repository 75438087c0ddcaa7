package cn.lyg.xilian.local;

import io.micronaut.runtime.Micronaut;

/** Starts the local application; infra/bin/local starts dynalite first and passes its endpoint. */
public final class LocalApplication {

    private LocalApplication() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(LocalApplication.class).banner(false).start();
    }
}
