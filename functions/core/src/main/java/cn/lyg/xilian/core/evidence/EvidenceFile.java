package cn.lyg.xilian.core.evidence;

import java.time.Instant;

/**
 * One evidence file attached to a report: shown and saved under a safe name ({@link EvidenceNames#saved}: the
 * uploader's label with the detected type's extension, invisible characters removed — applied here, so files
 * recorded before that rule are shown safely too), stored under a key made only of ids
 * ({@link EvidenceKeys#storageKey}).
 *
 * @param reportKey the idempotency key of the submission it belongs to
 * @param fileId    a server-issued id; also the last part of the storage key
 */
public record EvidenceFile(int planYear, String taskId, String unitId, String reportKey, String fileId,
                           String displayName, EvidenceType type, long size, String storageKey, Instant uploadedAt) {

    public EvidenceFile {
        displayName = EvidenceNames.saved(displayName, type);
    }

    public ReportRef report() {
        return new ReportRef(planYear, taskId, unitId, reportKey);
    }
}
