package cn.lyg.xilian.core.evidence;

import cn.lyg.xilian.core.progress.FieldError;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The limits and checks of 佐证材料: one home for them (the form, the API and the S3 policy use these numbers). */
public final class EvidenceRules {

    public static final int MAX_FILES_PER_REPORT = 10;
    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    /** An upload still not attached after this long is deleted by the daily job (a form lives 30 minutes). */
    public static final java.time.Duration UNATTACHED_AFTER = java.time.Duration.ofHours(24);
    /** How many first bytes of an upload are read to tell its type (a .docx names its main part early). */
    public static final int TYPE_PROBE_BYTES = 64 * 1024;

    private EvidenceRules() {
    }

    /** The bytes of a received file, opened as often as needed (a temporary file, never a whole body in memory). */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;

        /** Content held in memory (small files, tests). */
        static Content of(byte[] bytes) {
            return () -> new java.io.ByteArrayInputStream(bytes);
        }

        /** All the bytes: for small objects only (a whole file in memory). */
        default byte[] readAllBytes() {
            try (InputStream in = open()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /**
     * A file as received by the application: the name the browser sent, its size (more than
     * {@link #MAX_FILE_BYTES} when the receiver stopped keeping it), its first {@link #TYPE_PROBE_BYTES} bytes, the
     * SHA-256 of the whole content and the content itself (null when it was too large to keep).
     */
    public record Upload(String name, long size, byte[] head, byte[] sha256, Content content) {
    }

    /** A checked upload: its label (the browser's name made safe), detected type and content. */
    public record Checked(String label, EvidenceType type, Upload upload) {

        /** The name it is saved and shown under: the label with the detected type's extension. */
        public String savedName() {
            return EvidenceNames.saved(label, type);
        }
    }

    /**
     * Checks every upload before anything is stored: emptiness, size, name and type. Either all pass (returned in
     * order) or the errors say which file failed and why. The count is checked by the use case, after repeated files
     * are known.
     */
    public static List<FieldError> check(List<Upload> uploads, List<Checked> accepted) {
        List<FieldError> errors = new ArrayList<>();
        if (uploads.isEmpty()) {
            errors.add(new FieldError("files", "FILE_REQUIRED", "请选择要上传的文件"));
            return errors;
        }
        for (int i = 0; i < uploads.size(); i++) {
            Upload u = uploads.get(i);
            checkOne("files[" + i + "]", "第" + (i + 1) + "个文件", u.name(), u.size(), u.head())
                    .ifPresentOrElse(errors::add, () -> accepted.add(new Checked(
                            EvidenceNames.label(u.name()).orElseThrow(),
                            EvidenceType.detect(u.head(), u.name()).orElseThrow(), u)));
        }
        return errors;
    }

    /**
     * The checks of {@link #check} for a file already in the store, known by its name, size and first bytes.
     * Empty when it passes.
     */
    public static Optional<FieldError> checkStored(String rawName, long size, byte[] head) {
        return checkOne("file", "文件", rawName, size, head);
    }

    private static Optional<FieldError> checkOne(String field, String unnamed, String rawName, long size, byte[] head) {
        Optional<String> name = EvidenceNames.label(rawName);
        if (name.isEmpty()) {
            return Optional.of(new FieldError(field, "FILE_NAME_INVALID", unnamed + "的文件名无效（不能为空或只有点号，不超过"
                    + EvidenceNames.MAX_LENGTH + "字）"));
        }
        String shown = name.get();
        if (size <= 0) {
            return Optional.of(new FieldError(field, "FILE_EMPTY", "“" + shown + "”是空文件"));
        }
        if (size > MAX_FILE_BYTES) {
            return Optional.of(new FieldError(field, "FILE_TOO_LARGE", "“" + shown + "”超过20MB，请压缩或拆分后再上传"));
        }
        if (EvidenceType.detect(head, shown).isEmpty()) {
            return Optional.of(new FieldError(field, "FILE_TYPE_NOT_ALLOWED", "“" + shown
                    + "”不是允许的文件类型（照片JPEG/PNG、PDF、Word、Excel），以文件内容为准"));
        }
        return Optional.empty();
    }

    /** The error of a report that would hold more than {@link #MAX_FILES_PER_REPORT} files. */
    public static FieldError tooMany(int attached) {
        return new FieldError("files", "TOO_MANY_FILES", "每次填报最多上传" + MAX_FILES_PER_REPORT
                + "个文件（已有" + attached + "个）");
    }
}
