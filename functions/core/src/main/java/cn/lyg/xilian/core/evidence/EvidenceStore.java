package cn.lyg.xilian.core.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Where the files' bytes live: a local folder (the local run) or an S3 bucket. Every key a store is given has been
 * matched by {@link EvidenceKeys}; a store still refuses anything else rather than resolve it.
 */
public interface EvidenceStore {

    /** Stores {@code size} bytes read from {@code content} under {@code key}, whole or not at all. */
    void put(String key, EvidenceRules.Content content, long size, String contentType);

    /** Stores bytes held in memory. */
    default void put(String key, byte[] content, String contentType) {
        put(key, EvidenceRules.Content.of(content), content.length, contentType);
    }

    /** The object's bytes, streamed (a download), if it exists. */
    Optional<EvidenceRules.Content> get(String key);

    void delete(String key);

    /** Keys under the root or a report's prefix, at any depth (cleanup of files never recorded). */
    List<String> list(String prefix);

    /**
     * A short-lived link that downloads the file directly from the store under its display name, where the store
     * can sign one (S3); empty means the application serves the bytes itself (the local folder).
     */
    default Optional<java.net.URI> downloadUrl(String key, String displayName, java.time.Duration ttl) {
        return Optional.empty();
    }

    /**
     * A form that posts one file straight to the store (S3's presigned POST), under {@code keyPrefix} and within
     * {@link EvidenceRules#MAX_FILE_BYTES}; the store then redirects the browser to {@code redirect} with the
     * object's {@code key}. Empty: the application receives the files itself (the local folder).
     */
    default Optional<DirectUpload> directUpload(String keyPrefix, java.net.URI redirect, java.time.Duration ttl) {
        return Optional.empty();
    }

    /** Whether {@link #directUpload} gives forms (the task page then links to the upload page). */
    default boolean signsUploads() {
        return false;
    }

    /** The first {@code bytes} bytes of an object (its type is checked by content), if it exists. */
    default Optional<byte[]> head(String key, int bytes) {
        return get(key).map(c -> {
            try (InputStream in = c.open()) {
                return in.readNBytes(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + key, e);
            }
        });
    }

    /** An object's size, if it exists. */
    Optional<Long> size(String key);

    /** Copies an object within the store (an upload moved to its id-only key). */
    default void copy(String from, String to, String contentType) {
        long size = size(from).orElseThrow(() -> new IllegalStateException("no object " + from));
        put(to, get(from).orElseThrow(() -> new IllegalStateException("no object " + from)), size, contentType);
    }

    /** When an object was stored (cleanup of uploads never attached), if it exists. */
    default Optional<java.time.Instant> storedAt(String key) {
        return Optional.empty();
    }

    /** A browser form: its target and hidden fields; the file input, named {@code file}, comes last. */
    record DirectUpload(java.net.URI action, java.util.Map<String, String> fields, java.time.Instant expiresAt) {
    }
}
