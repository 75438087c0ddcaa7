package cn.lyg.xilian.core.access;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * Someone asked for a fresh sign-in link by email ("把登录链接发到本单位邮箱"). Stored as asked; which unit it names,
 * if any, is decided only where the mail is sent ({@link SendSignInLink}), so the page answers the same either way.
 *
 * @param id         random, the request's key
 * @param entered    what was chosen or typed: a unit id or an address, normalised (stripped, lower case)
 * @param returnPath the page to land on after signing in ({@link ReturnPath}); null: the home page
 * @param requestedBy the coordinator account that sent the unit its link from 单位与账号管理 (null: asked on the
 *                    sign-in page)
 */
public record LinkRequest(String id, String entered, @Nullable String returnPath, Instant requestedAt,
                          @Nullable String requestedBy) {

    public LinkRequest(String id, String entered, @Nullable String returnPath, Instant requestedAt) {
        this(id, entered, returnPath, requestedAt, null);
    }
}
