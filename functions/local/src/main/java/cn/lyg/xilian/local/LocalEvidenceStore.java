package cn.lyg.xilian.local;

import cn.lyg.xilian.core.evidence.EvidenceKeys;
import cn.lyg.xilian.core.evidence.EvidenceRules;
import cn.lyg.xilian.core.evidence.EvidenceStore;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The embedded evidence store: files under {@code <data dir>/evidence/…}. A key is matched by {@link EvidenceKeys}
 * and then turned into a path segment by segment — never resolved or normalised — so no key reaches a file outside
 * its report's folder. Files are streamed to a temporary file and moved into place, so a half-written file is never
 * seen.
 */
@Singleton
@Requires(env = LocalApplication.ENVIRONMENT)
public class LocalEvidenceStore implements EvidenceStore {

    private final Path root;

    public LocalEvidenceStore(LocalSettings settings) {
        this.root = settings.getDataDir().toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, EvidenceRules.Content content, long size, String contentType) {
        Path target = file(key);
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
            long written;
            try (InputStream in = content.open()) {
                written = Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            if (written != size) {
                throw new IOException("expected " + size + " bytes, got " + written);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + key, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    @Override
    public Optional<EvidenceRules.Content> get(String key) {
        Path p = file(key);
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? Optional.of(() -> Files.newInputStream(p))
                : Optional.empty();
    }

    @Override
    public Optional<byte[]> head(String key, int bytes) {
        Path p = file(key);
        try (InputStream in = Files.newInputStream(p)) {
            return Optional.of(in.readNBytes(bytes));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        }
    }

    @Override
    public Optional<Long> size(String key) {
        Path p = file(key);
        try {
            return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? Optional.of(Files.size(p)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        }
    }

    @Override
    public Optional<Instant> storedAt(String key) {
        Path p = file(key);
        try {
            return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                    ? Optional.of(Files.getLastModifiedTime(p).toInstant()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + key, e);
        }
    }

    /** Every stored file under the root or a report's prefix, at any depth (temporary files left out). */
    @Override
    public List<String> list(String prefix) {
        if (!EvidenceKeys.validPrefix(prefix)) {
            throw new IllegalArgumentException("not an evidence prefix: " + prefix);
        }
        Path dir = path(prefix.substring(0, prefix.length() - 1));
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + prefix, e);
        }
    }

    /** The file of a key that is exactly one of ours; anything else is refused, never resolved. */
    private Path file(String key) {
        if (EvidenceKeys.parse(key).isEmpty()) {
            throw new IllegalArgumentException("not an evidence key: " + key);
        }
        return path(key);
    }

    /** Segment by segment from the root: each segment was matched, none is "." or ".." or holds a separator. */
    private Path path(String matched) {
        Path p = root;
        for (String segment : matched.split("/")) {
            p = p.resolve(segment);
        }
        if (!p.normalize().equals(p) || !p.startsWith(root)) {
            throw new IllegalArgumentException("not an evidence key: " + matched); // cannot happen for a matched key
        }
        return p;
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a leftover temporary file is skipped by list() and overwritten by nothing
            }
        }
    }
}
