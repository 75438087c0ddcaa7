package cn.lyg.xilian.core.evidence;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The records of evidence files, their per-report slots and the tickets of direct uploads. Every write is
 * conditional and safe to retry.
 */
public interface EvidenceRepository {

    /** Records the ticket of a direct upload (once per upload id). */
    void issue(UploadTicket ticket);

    /** The ticket issued for exactly this report and upload id, read consistently. */
    Optional<UploadTicket> ticket(ReportRef report, String uploadId);

    enum Claim { CLAIMED, TAKEN, MISSING }

    /**
     * Claims the ticket for the object named {@code name}: CLAIMED the first time and again for the same name (a
     * retry), TAKEN when another object claimed it, MISSING without a ticket.
     */
    Claim claim(ReportRef report, String uploadId, String name);

    /**
     * Reserves the report's slots for {@code fileIds} in one conditional write, so that concurrent uploads never
     * leave more than {@code max} files: false when they do not fit. Reserving ids already reserved changes
     * nothing (a retry). {@code recorded} are the ids of the files recorded so far (kept in the slots).
     */
    boolean reserve(ReportRef report, Set<String> fileIds, Set<String> recorded, int max);

    /** Gives back slots reserved for files that were never recorded. */
    void release(ReportRef report, Set<String> fileIds);

    /** Records an evidence file of a report (once per file id). */
    void recordFile(EvidenceFile file);

    /** The evidence files of one report, oldest first. */
    List<EvidenceFile> files(ReportRef report);
}
