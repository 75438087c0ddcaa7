package cn.lyg.xilian.core.access;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Optional;

/** Requests for a sign-in link by email: stored by the page, handled once by the mail path. */
public interface LinkRequestRepository {

    /** Stores a new request; it may be deleted after {@code keepUntil} (TTL). */
    void record(LinkRequest request, Instant keepUntil);

    /** A stored request and, once handled, when and how (consistent read: a retry must see the mark). */
    record Stored(LinkRequest request, @Nullable Instant handledAt, @Nullable String outcome) {
        public boolean handled() {
            return handledAt != null;
        }
    }

    Optional<Stored> find(String id);

    /** Marks the request handled once; a second call keeps the first mark. */
    void markHandled(String id, String outcome, Instant at);
}
