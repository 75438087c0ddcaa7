package cn.lyg.xilian.local;

import cn.lyg.xilian.core.evidence.EvidenceRules;
import cn.lyg.xilian.core.evidence.EvidenceStore;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The embedded evidence store: files under {@code <data dir>/evidence/…} (keys are ids only, see
 * {@link EvidenceRules#storageKey}); written to a temporary file and moved, so a half-written file is never seen.
 */
@Singleton
@Requires(env = LocalApplication.ENVIRONMENT)
public class LocalEvidenceStore implements EvidenceStore {

    private final Path root;

    public LocalEvidenceStore(LocalSettings settings) {
        this.root = settings.getDataDir().toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
            Files.write(tmp, content);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + key, e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + key, e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        Path dir = resolve(prefix);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + prefix, e);
        }
    }

    /** Keys come from ids only; still, nothing may resolve outside the evidence folder. */
    private Path resolve(String key) {
        Path p = root.resolve(key).normalize();
        if (!key.startsWith(EvidenceRules.KEY_ROOT) || !p.startsWith(root.resolve(EvidenceRules.KEY_ROOT))) {
            throw new IllegalArgumentException("not an evidence key: " + key);
        }
        return p;
    }
}
