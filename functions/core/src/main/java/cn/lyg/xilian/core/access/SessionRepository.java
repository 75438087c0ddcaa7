package cn.lyg.xilian.core.access;

import cn.lyg.xilian.core.access.Session;

import java.time.Instant;
import java.util.Optional;

/** Browser sessions by the hash of their id (item {@code SESSION#<sha256>}, see infra/dynamodb/TABLE.md). */
public interface SessionRepository {

    /**
     * Stores a new session; the hash must not exist yet. {@code purgeAfter} is when the store may delete
     * the item by itself (DynamoDB TTL); the session's own limits are checked on every read regardless.
     */
    void create(Session session, Instant purgeAfter);

    /** Strongly consistent read, so a sign-out takes effect on the very next request. */
    Optional<Session> find(String idHash);

    /** Records use; never moves the time backwards, and does nothing for a deleted session. */
    void touch(String idHash, Instant when);

    /** Deletes the session; deleting one that does not exist is not an error. */
    void delete(String idHash);
}
