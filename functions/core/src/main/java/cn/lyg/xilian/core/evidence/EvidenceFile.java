package cn.lyg.xilian.core.evidence;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One evidence file attached to a report: kept for display under its original (Chinese) name, stored under a key
 * made only of ids ({@link EvidenceRules#storageKey}).
 *
 * @param reportKey the idempotency key of the submission it belongs to
 * @param fileId    a random id; also the last part of the storage key
 */
@Serdeable
public record EvidenceFile(int planYear, String taskId, String unitId, String reportKey, String fileId,
                           String displayName, EvidenceType type, long size, String storageKey, Instant uploadedAt) {
}
