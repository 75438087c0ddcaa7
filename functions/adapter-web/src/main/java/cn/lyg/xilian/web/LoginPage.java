package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Principal;
import io.micronaut.core.annotation.Nullable;

/**
 * login.jte: whose sign-in link this is and, when another session is signed in, whose session it would replace,
 * with the button that posts the token. Its own header, no navigation: the page's address holds the token.
 * {@code next}: the checked return path posted along ({@code /}: the home page).
 */
public record LoginPage(Layout layout, String token, Principal target, @Nullable Principal current, String next)
        implements PageModel {

    public String targetName() {
        return name(target);
    }

    /** Empty when no other session is signed in. */
    public String currentName() {
        return current == null ? "" : name(current);
    }

    /** The replaced session's credential id, posted back so that the sign-in replaces only what was shown. */
    public String replacing() {
        return current == null ? "" : credentialId(current);
    }

    /** The credential's id as the admin command prints it (a hash prefix, not a secret). */
    static String credentialId(Principal p) {
        return p.credentialHash().substring(0, 12);
    }

    private String name(Principal p) {
        return p.coordinator() ? "市发改委（协调员）" : layout.fmt().unitName(layout.plan(), p.unitId());
    }
}
