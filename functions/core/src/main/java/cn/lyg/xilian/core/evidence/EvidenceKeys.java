package cn.lyg.xilian.core.evidence;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one home of evidence keys: how a file's place in the store (a folder locally, an object key in S3) is
 * spelled, and the grammar every key is matched against before it is used. A key is matched, never normalised or
 * resolved: {@code ..}, a {@code /} or {@code \} inside a segment, a NUL or any other control character makes it
 * not one of ours, and nothing is read, moved or deleted for it.
 *
 * <pre>
 * evidence/&lt;year&gt;/&lt;taskId&gt;/&lt;unitId&gt;/&lt;reportKey&gt;/&lt;fileId&gt;.&lt;ext&gt;           a recorded file (ids only)
 * evidence/&lt;year&gt;/&lt;taskId&gt;/&lt;unitId&gt;/&lt;reportKey&gt;/upload-&lt;uploadId&gt;/&lt;name&gt;   a direct upload, before it is attached
 * </pre>
 */
public final class EvidenceKeys {

    public static final String ROOT = "evidence/";
    public static final String UPLOAD_MARK = "upload-";

    /** File and upload ids: issued by the server (random, or from the content's hash), 16 letters or digits. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{16}");
    private static final Pattern STORED_NAME = Pattern.compile("([A-Za-z0-9]{16})\\.([a-z]{3,4})");
    /** The browser's file name inside a direct upload's key (S3's ${filename}): one segment, at most this long. */
    static final int MAX_UPLOAD_NAME_BYTES = 255;

    private EvidenceKeys() {
    }

    public static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** A file id from the content's SHA-256: the same file sent twice to one report is one file. */
    public static String contentId(byte[] sha256) {
        return HexFormat.of().formatHex(sha256, 0, 8);
    }

    /** {@code evidence/<year>/<taskId>/<unitId>/<reportKey>/}: the prefix of one report's files. */
    public static String reportPrefix(ReportRef r) {
        return ROOT + r.year() + "/" + r.taskId() + "/" + r.unitId() + "/" + r.reportKey() + "/";
    }

    /** Where the browser posts one file straight to the store; S3 appends the browser's file name. */
    public static String uploadPrefix(ReportRef r, String uploadId) {
        return reportPrefix(r) + UPLOAD_MARK + requireId(uploadId) + "/";
    }

    public static String storageKey(ReportRef r, String fileId, EvidenceType type) {
        return reportPrefix(r) + requireId(fileId) + "." + type.extension();
    }

    /** A key of the store, taken apart: a recorded file's, or a direct upload's before it is attached. */
    public sealed interface Parsed {
        ReportRef report();

        /** The file id, or for an upload its upload id (which becomes the file id once attached). */
        String id();
    }

    public record StoredFile(ReportRef report, String id, String extension) implements Parsed {
    }

    public record StagedUpload(ReportRef report, String id, String name) implements Parsed {
        public String key() {
            return uploadPrefix(report, id) + name;
        }
    }

    /** The key taken apart, if it is exactly one of the two shapes above; empty for anything else. */
    public static Optional<Parsed> parse(String key) {
        List<String> s = segments(key);
        if (s.size() == 6) {
            var name = STORED_NAME.matcher(s.get(5));
            if (name.matches()) {
                return ReportRef.of(s.get(1), s.get(2), s.get(3), s.get(4))
                        .map(r -> new StoredFile(r, name.group(1), name.group(2)));
            }
        } else if (s.size() == 7 && s.get(5).startsWith(UPLOAD_MARK)
                && validId(s.get(5).substring(UPLOAD_MARK.length())) && validUploadName(s.get(6))) {
            return ReportRef.of(s.get(1), s.get(2), s.get(3), s.get(4))
                    .map(r -> new StagedUpload(r, s.get(5).substring(UPLOAD_MARK.length()), s.get(6)));
        }
        return Optional.empty();
    }

    /** A direct upload's key, if it is exactly one (the confirmation of an upload accepts nothing else). */
    public static Optional<StagedUpload> parseStaged(String key) {
        return parse(key).filter(StagedUpload.class::isInstance).map(StagedUpload.class::cast);
    }

    /**
     * Whether {@code prefix} is the root or a report's prefix (what a store may be asked to list): the same
     * segments as a key, ending in {@code /}.
     */
    public static boolean validPrefix(String prefix) {
        if (ROOT.equals(prefix)) {
            return true;
        }
        List<String> s = segments(prefix);
        return s.size() == 6 && s.get(5).isEmpty() && ReportRef.of(s.get(1), s.get(2), s.get(3), s.get(4)).isPresent();
    }

    /**
     * The browser's file name as one key segment: not empty, not {@code .} or {@code ..}, no {@code /} or
     * {@code \}, no control character, at most {@value #MAX_UPLOAD_NAME_BYTES} bytes of UTF-8.
     */
    static boolean validUploadName(String name) {
        return name != null && !name.isEmpty() && !name.equals(".") && !name.equals("..")
                && name.indexOf('/') < 0 && name.indexOf('\\') < 0
                && name.codePoints().noneMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)
                && name.getBytes(StandardCharsets.UTF_8).length <= MAX_UPLOAD_NAME_BYTES;
    }

    /** The segments of a key under the root, split at every {@code /}; empty when it is not under the root. */
    private static List<String> segments(String key) {
        if (key == null || !key.startsWith(ROOT) || key.length() > 1024) {
            return List.of();
        }
        return List.of(key.split("/", -1));
    }

    private static String requireId(String id) {
        if (!validId(id)) {
            throw new IllegalArgumentException("not a file or upload id: " + id);
        }
        return id;
    }
}
