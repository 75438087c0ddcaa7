package cn.lyg.xilian.tools.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the checkout, found via {@code -Dxilian.root} (set by the root pom) or by walking up to infra/plans. */
public final class RepoFiles {

    public static final String NOTICE_2026 = "infra/plans/2026-lianzhengbanfa-13.txt";
    public static final String CATALOG_2026 = "infra/plans/plan-2026.json";

    private RepoFiles() {
    }

    public static Path root() {
        String configured = System.getProperty("xilian.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "infra", "plans"))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("infra").resolve("plans"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (no infra/plans above " + Path.of("").toAbsolutePath() + ")");
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }

    public static String read(String relative) {
        try {
            return Files.readString(path(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
