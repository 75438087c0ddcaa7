package cn.lyg.xilian.core.evidence;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A direct upload the server allowed: issued with its signed form, bound to one report, used once. The browser
 * posts the file under {@link EvidenceKeys#uploadPrefix}; attaching it claims the ticket for that one object
 * ({@code claimedName}), so a second object posted with the same form can never be attached.
 */
public record UploadTicket(ReportRef report, String uploadId, Instant issuedAt, @Nullable String claimedName) {

    public UploadTicket {
        if (!EvidenceKeys.validId(uploadId)) {
            throw new IllegalArgumentException("not an upload id: " + uploadId);
        }
    }
}
