package cn.lyg.xilian.core.access;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * The email with a fresh sign-in link for a unit. Holds the token, which exists nowhere else: render it, send it,
 * and never log it.
 *
 * @param returnPath where the link leads after signing in; null: the home page
 * @param to         the unit's registered addresses, and only those
 */
public record SignInLinkNotice(String requestId, String unitName, String token, @Nullable String returnPath,
                               Instant expiresAt, List<String> to) {
    public SignInLinkNotice {
        to = List.copyOf(to);
    }

    @Override
    public String toString() {
        return "SignInLinkNotice[" + requestId + ", " + unitName + "]"; // never the token
    }
}
