package cn.lyg.xilian.core.access;

import cn.lyg.xilian.core.catalog.Unit;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "把登录链接发到本单位邮箱", the page's half: checks the entry's shape and the request rates, then stores the request
 * for the mail path ({@link SendSignInLink}). Whether the entry names a unit or a registered address is not looked
 * at here: every well-formed request within the limits gets the same answer, so the page tells nobody which units or
 * addresses exist (no enumeration). Rates are counted per client and per entry in fixed clock hours.
 */
public class RequestSignInLink {

    public static final int PER_CLIENT_PER_HOUR = 10;
    public static final int PER_ENTRY_PER_HOUR = 3;
    /** Requests are kept a day (TTL): long enough for the stream's retries. */
    public static final Duration KEEP = Duration.ofDays(1);
    public static final int MAX_ADDRESS = 254;

    /** One address: no spaces, control characters, angle brackets or commas (so never a header or a list). */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s\\p{Cntrl}@<>,;\"]{1,64}@[a-z0-9.-]{1,189}\\.[a-z]{2,24}");

    private final LinkRequestRepository requests;
    private final RateCounter counter;
    private final Clock clock;
    private final Listener listener;

    /** Told about each stored request (the local run's stand-in for the table's stream); never throws. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = request -> { };

        void requested(LinkRequest request);
    }

    public RequestSignInLink(LinkRequestRepository requests, RateCounter counter, Clock clock, Listener listener) {
        this.requests = requests;
        this.counter = counter;
        this.clock = clock;
        this.listener = listener;
    }

    public sealed interface Answer {
    }

    /** Stored: the same answer for a unit, an address, a known or an unknown one. */
    public record Accepted(String requestId) implements Answer {
    }

    /** Nothing chosen, or not the shape of a unit id or an address. */
    public record Invalid(String code, String message) implements Answer {
    }

    /** Over a limit: nothing stored. */
    public record TooMany() implements Answer {
    }

    /**
     * @param client the client's address as the adapter knows it (a rate subject, never shown)
     */
    public Answer request(@Nullable String entry, @Nullable String returnPath, String client) {
        Optional<String> entered = normalise(entry);
        if (entered.isEmpty()) {
            return new Invalid("ENTRY_INVALID", "请选择本单位，或填写本单位登记的邮箱地址");
        }
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        // The client first: one client trying many entries is stopped before it reaches any entry's count.
        if (counter.increment("signin-client:" + Tokens.sha256Hex(client), hour) > PER_CLIENT_PER_HOUR
                || counter.increment("signin-entry:" + Tokens.sha256Hex(entered.get()), hour) > PER_ENTRY_PER_HOUR) {
            return new TooMany();
        }
        String next = ReturnPath.parse(returnPath).map(ReturnPath::value).orElse(null);
        LinkRequest request = new LinkRequest(Tokens.newToken(), entered.get(), next, clock.instant());
        requests.record(request, request.requestedAt().plus(KEEP));
        listener.requested(request);
        return new Accepted(request.id());
    }

    /** A unit id or an address, stripped and in lower case; empty when it is neither. */
    static Optional<String> normalise(@Nullable String entry) {
        if (entry == null) {
            return Optional.empty();
        }
        String e = entry.strip().toLowerCase(Locale.ROOT);
        if (Unit.validId(e) || (e.length() <= MAX_ADDRESS && ADDRESS.matcher(e).matches())) {
            return Optional.of(e);
        }
        return Optional.empty();
    }
}
