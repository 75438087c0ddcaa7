package cn.lyg.xilian.local;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.nio.file.Path;

/** {@code xilian.local.*}: where the local run keeps its data and finds the catalog to load. */
@ConfigurationProperties("xilian.local")
public class LocalSettings {

    /** Holds dev-credentials.txt and the outbox; dynalite's data sits beside them (see infra/bin/local). */
    private Path dataDir = Path.of(".local");
    /** The checked-in catalog produced by the importer. */
    private Path catalog = Path.of("infra/plans/plan-2026.json");

    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    public Path getCatalog() {
        return catalog;
    }

    public void setCatalog(Path catalog) {
        this.catalog = catalog;
    }

    public Path devCredentialsFile() {
        return dataDir.resolve("dev-credentials.txt");
    }
}
