package cn.lyg.xilian.core.evidence;

import cn.lyg.xilian.core.progress.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The limits and checks of 佐证材料: one home for them (the form, the API and the S3 policy use these numbers). */
public final class EvidenceRules {

    public static final int MAX_FILES_PER_REPORT = 10;
    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    public static final int MAX_NAME_LENGTH = 120;
    public static final String KEY_ROOT = "evidence/";
    /** An upload still not attached after this long is deleted by the daily job (a form lives 30 minutes). */
    public static final java.time.Duration UNATTACHED_AFTER = java.time.Duration.ofHours(24);

    private EvidenceRules() {
    }

    /** An uploaded file as received: the name the browser sent and the bytes. */
    public record Upload(String name, byte[] content) {
    }

    /** A checked upload: display name and detected type. */
    public record Checked(String displayName, EvidenceType type, byte[] content) {
    }

    /**
     * Checks every upload before anything is stored: count (with the report's files so far), size, emptiness, name
     * and type. Either all pass (returned in order) or the errors say which file failed and why.
     */
    public static List<FieldError> check(List<Upload> uploads, int alreadyAttached, List<Checked> accepted) {
        List<FieldError> errors = new ArrayList<>();
        if (uploads.isEmpty()) {
            errors.add(new FieldError("files", "FILE_REQUIRED", "请选择要上传的文件"));
            return errors;
        }
        if (alreadyAttached + uploads.size() > MAX_FILES_PER_REPORT) {
            errors.add(new FieldError("files", "TOO_MANY_FILES", "每次填报最多上传" + MAX_FILES_PER_REPORT
                    + "个文件（已有" + alreadyAttached + "个）"));
            return errors;
        }
        for (int i = 0; i < uploads.size(); i++) {
            Upload u = uploads.get(i);
            String field = "files[" + i + "]";
            Optional<String> name = displayName(u.name());
            String shown = name.orElse("第" + (i + 1) + "个文件");
            if (name.isEmpty()) {
                errors.add(new FieldError(field, "FILE_NAME_INVALID", shown + "的文件名无效（不能为空、不能含路径或控制字符，不超过"
                        + MAX_NAME_LENGTH + "字）"));
                continue;
            }
            if (u.content().length == 0) {
                errors.add(new FieldError(field, "FILE_EMPTY", "“" + shown + "”是空文件"));
                continue;
            }
            if (u.content().length > MAX_FILE_BYTES) {
                errors.add(new FieldError(field, "FILE_TOO_LARGE", "“" + shown + "”超过20MB"));
                continue;
            }
            Optional<EvidenceType> type = EvidenceType.detect(u.content(), shown);
            if (type.isEmpty()) {
                errors.add(new FieldError(field, "FILE_TYPE_NOT_ALLOWED", "“" + shown
                        + "”不是允许的文件类型（照片JPEG/PNG、PDF、Word、Excel），以文件内容为准"));
                continue;
            }
            accepted.add(new Checked(name.get(), type.get(), u.content()));
        }
        return errors;
    }

    /**
     * The name to display: the last path segment (browsers on Windows once sent full paths), stripped; refused when
     * empty, a dot name, with control characters or too long. Never used in a storage key.
     */
    public static Optional<String> displayName(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = raw;
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (cut >= 0) {
            name = name.substring(cut + 1);
        }
        name = name.strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")
                || name.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)
                || name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /** {@code evidence/<year>/<taskId>/<unitId>/<reportKey>/}: the prefix of one report's files. */
    public static String reportPrefix(int year, String taskId, String unitId, String reportKey) {
        return KEY_ROOT + year + "/" + taskId + "/" + unitId + "/" + reportKey + "/";
    }

    /**
     * {@code <report prefix>upload-<uploadId>/}: where the browser posts one file straight to the store. S3 puts
     * the browser's file name after it (${filename}); the name is read back once, for display, and the file moves
     * to its id-only {@link #storageKey} when attached.
     */
    public static String uploadPrefix(int year, String taskId, String unitId, String reportKey, String uploadId) {
        return reportPrefix(year, taskId, unitId, reportKey) + UPLOAD_MARK + uploadId + "/";
    }

    public static final String UPLOAD_MARK = "upload-";

    /** How many first bytes of an upload are read to tell its type (a .docx names its main part early). */
    public static final int TYPE_PROBE_BYTES = 64 * 1024;

    /**
     * The checks of {@link #check} for a file already in the store, known by its name, size and first bytes.
     * Empty when it passes; {@code type} receives the detected type.
     */
    public static List<FieldError> checkStored(String rawName, long size, byte[] head, int alreadyAttached,
                                               List<Checked> accepted) {
        List<FieldError> errors = new ArrayList<>();
        if (alreadyAttached + 1 > MAX_FILES_PER_REPORT) {
            errors.add(new FieldError("file", "TOO_MANY_FILES", "每次填报最多上传" + MAX_FILES_PER_REPORT
                    + "个文件（已有" + alreadyAttached + "个）"));
            return errors;
        }
        Optional<String> name = displayName(rawName);
        if (name.isEmpty()) {
            errors.add(new FieldError("file", "FILE_NAME_INVALID", "文件名无效（不能为空、不能含路径或控制字符，不超过"
                    + MAX_NAME_LENGTH + "字）"));
            return errors;
        }
        String shown = name.get();
        if (size <= 0) {
            errors.add(new FieldError("file", "FILE_EMPTY", "“" + shown + "”是空文件"));
        } else if (size > MAX_FILE_BYTES) {
            errors.add(new FieldError("file", "FILE_TOO_LARGE", "“" + shown + "”超过20MB"));
        } else {
            Optional<EvidenceType> type = EvidenceType.detect(head, shown);
            if (type.isEmpty()) {
                errors.add(new FieldError("file", "FILE_TYPE_NOT_ALLOWED", "“" + shown
                        + "”不是允许的文件类型（照片JPEG/PNG、PDF、Word、Excel），以文件内容为准"));
            } else {
                accepted.add(new Checked(shown, type.get(), head));
            }
        }
        return errors;
    }

    public static String storageKey(int year, String taskId, String unitId, String reportKey, String fileId,
                                    EvidenceType type) {
        return reportPrefix(year, taskId, unitId, reportKey) + fileId + "." + type.extension();
    }
}
