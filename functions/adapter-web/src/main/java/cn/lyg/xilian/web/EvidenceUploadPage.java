package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Tokens;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.evidence.EvidenceRules;
import cn.lyg.xilian.core.evidence.EvidenceStore;
import cn.lyg.xilian.web.http.SecurityHeadersFilter;

/**
 * evidence-upload.jte: one file posted straight to the store (S3) with the signed form. S3 refuses an oversized or
 * empty post with its own XML page and cannot redirect on error: one small script, allowed by this response's nonce
 * only ({@link #contentSecurityPolicy}), checks the size first. Without it S3 still enforces the limit.
 */
public record EvidenceUploadPage(Layout layout, PlanTask task, EvidenceStore.DirectUpload form, String scriptNonce)
        implements PageModel, Framed {

    static EvidenceUploadPage of(Layout layout, PlanTask task, EvidenceStore.DirectUpload form) {
        return new EvidenceUploadPage(layout, task, form, Tokens.newToken().substring(0, 22));
    }

    /** The site's policy with the bucket's origin as a form target and this page's script. */
    String contentSecurityPolicy() {
        String origin = form.action().getScheme() + "://" + form.action().getRawAuthority();
        return SecurityHeadersFilter.policy("'self' " + origin) + "; script-src 'nonce-" + scriptNonce + "'";
    }

    public int maxFiles() {
        return EvidenceRules.MAX_FILES_PER_REPORT;
    }

    public long maxBytes() {
        return EvidenceRules.MAX_FILE_BYTES;
    }
}
