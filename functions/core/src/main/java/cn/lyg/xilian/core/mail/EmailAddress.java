package cn.lyg.xilian.core.mail;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The one home of what counts as an email address here: a contact, a coordinator, a sign-in link request. */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;
    /** Local part without spaces, controls or separators; a lower-case domain with a dot (after normalisation). */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s\\p{Cntrl}@<>,;\"]{1,64}@[a-z0-9.-]{1,189}\\.[a-z]{2,24}");

    private EmailAddress() {
    }

    /** Stripped and lower-cased; empty when the entry is not an address. */
    public static Optional<String> normalise(String entry) {
        if (entry == null) {
            return Optional.empty();
        }
        String value = entry.strip().toLowerCase(Locale.ROOT);
        return value.length() <= MAX_LENGTH && ADDRESS.matcher(value).matches() ? Optional.of(value) : Optional.empty();
    }

    public static boolean valid(String entry) {
        return normalise(entry).isPresent();
    }
}
