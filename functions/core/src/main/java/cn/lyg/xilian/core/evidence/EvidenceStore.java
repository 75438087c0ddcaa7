package cn.lyg.xilian.core.evidence;

import java.util.List;
import java.util.Optional;

/** Where the files' bytes live: a local folder (the local run) or an S3 bucket. Keys are ids only. */
public interface EvidenceStore {

    void put(String key, byte[] content, String contentType);

    Optional<byte[]> get(String key);

    void delete(String key);

    /** Keys under a prefix (cleanup of files never recorded). */
    List<String> list(String prefix);

    /**
     * A short-lived link that downloads the file directly from the store under its display name, where the store
     * can sign one (S3); empty means the application serves the bytes itself (the local folder).
     */
    default Optional<java.net.URI> downloadUrl(String key, String displayName, java.time.Duration ttl) {
        return Optional.empty();
    }
}
