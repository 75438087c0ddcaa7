package cn.lyg.xilian.core.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The evidence ports in memory, with the DynamoDB and folder stores' contracts (one lock stands for the conditions). */
final class InMemoryEvidence {

    static final class Records implements EvidenceRepository {
        final Map<String, EvidenceFile> files = new LinkedHashMap<>();
        final Map<String, UploadTicket> tickets = new LinkedHashMap<>();
        final Map<ReportRef, Set<String>> slots = new LinkedHashMap<>();

        @Override
        public synchronized void issue(UploadTicket ticket) {
            tickets.putIfAbsent(ticketKey(ticket.report(), ticket.uploadId()), ticket);
        }

        @Override
        public synchronized Optional<UploadTicket> ticket(ReportRef report, String uploadId) {
            return Optional.ofNullable(tickets.get(ticketKey(report, uploadId)));
        }

        @Override
        public synchronized Claim claim(ReportRef report, String uploadId, String name) {
            UploadTicket t = tickets.get(ticketKey(report, uploadId));
            if (t == null) {
                return Claim.MISSING;
            }
            if (t.claimedName() != null && !t.claimedName().equals(name)) {
                return Claim.TAKEN;
            }
            tickets.put(ticketKey(report, uploadId), new UploadTicket(report, uploadId, t.issuedAt(), name));
            return Claim.CLAIMED;
        }

        @Override
        public synchronized boolean reserve(ReportRef report, Set<String> fileIds, Set<String> recorded, int max) {
            Set<String> s = slots.computeIfAbsent(report, r -> new HashSet<>(recorded));
            Set<String> after = new HashSet<>(s);
            after.addAll(fileIds);
            if (after.size() > max) {
                return false;
            }
            s.addAll(fileIds);
            return true;
        }

        @Override
        public synchronized void release(ReportRef report, Set<String> fileIds) {
            Set<String> s = slots.get(report);
            if (s != null) {
                s.removeAll(fileIds);
            }
        }

        @Override
        public synchronized void recordFile(EvidenceFile file) {
            files.putIfAbsent(file.storageKey(), file);
        }

        @Override
        public synchronized List<EvidenceFile> files(ReportRef report) {
            return files.values().stream().filter(f -> f.report().equals(report))
                    .sorted(Comparator.comparing(EvidenceFile::uploadedAt).thenComparing(EvidenceFile::fileId)).toList();
        }

        private static String ticketKey(ReportRef r, String id) {
            return EvidenceKeys.uploadPrefix(r, id);
        }
    }

    /** A store that, like the folder store, refuses any key that is not exactly one of ours. */
    static final class Store implements EvidenceStore {
        final Map<String, byte[]> objects = new TreeMap<>();
        final Map<String, Instant> storedAt = new TreeMap<>();
        final List<String> touched = new ArrayList<>();
        boolean signs;
        Instant now = Instant.parse("2026-12-07T02:00:00Z");

        @Override
        public synchronized void put(String key, EvidenceRules.Content content, long size, String contentType) {
            ours(key);
            try (InputStream in = content.open()) {
                byte[] bytes = in.readAllBytes();
                if (bytes.length != size) {
                    throw new IllegalStateException("size " + size + " but " + bytes.length + " bytes");
                }
                objects.put(key, bytes);
                storedAt.put(key, now);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public synchronized Optional<EvidenceRules.Content> get(String key) {
            ours(key);
            byte[] b = objects.get(key);
            return b == null ? Optional.empty() : Optional.of(() -> new ByteArrayInputStream(b));
        }

        @Override
        public synchronized Optional<Long> size(String key) {
            ours(key);
            return Optional.ofNullable(objects.get(key)).map(b -> (long) b.length);
        }

        @Override
        public synchronized void delete(String key) {
            ours(key);
            objects.remove(key);
        }

        @Override
        public synchronized List<String> list(String prefix) {
            if (!EvidenceKeys.validPrefix(prefix)) {
                throw new IllegalArgumentException(prefix);
            }
            return objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
        }

        @Override
        public synchronized Optional<Instant> storedAt(String key) {
            return Optional.ofNullable(objects.containsKey(key) ? storedAt.get(key) : null);
        }

        @Override
        public boolean signsUploads() {
            return signs;
        }

        @Override
        public Optional<DirectUpload> directUpload(String keyPrefix, java.net.URI redirect, java.time.Duration ttl) {
            return signs ? Optional.of(new DirectUpload(java.net.URI.create("https://bucket.example/"),
                    Map.of("key", keyPrefix + "${filename}", "success_action_redirect", redirect.toString()), now.plus(ttl)))
                    : Optional.empty();
        }

        /** What a browser's post to the bucket does: the object lands under the form's key. */
        synchronized void posted(String key, byte[] content) {
            objects.put(key, content);
            storedAt.put(key, now);
        }

        private void ours(String key) {
            touched.add(key);
            if (EvidenceKeys.parse(key).isEmpty()) {
                throw new IllegalArgumentException("not an evidence key: " + key);
            }
        }
    }

    private InMemoryEvidence() {
    }
}
