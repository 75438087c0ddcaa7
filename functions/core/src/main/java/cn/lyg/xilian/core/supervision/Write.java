package cn.lyg.xilian.core.supervision;

/**
 * What a supervision store did with a conditional write: stored it, or found its place taken and wrote nothing.
 * Whether a taken place is a replay (same content) or a conflict is {@link Supervise}'s decision, not the store's.
 */
public sealed interface Write<T> {
    T value();

    /** Newly stored (at the store's time precision). */
    record Stored<T>(T value) implements Write<T> {
    }

    /**
     * The key or the slot was taken: nothing new written; this is what holds it (the stored review of the
     * submission, the request or decision under the key, the pair's other pending request, the instruction under
     * the key). The store still completes the follow-up updates of what it holds, so a retry after a crash heals
     * the state.
     */
    record Taken<T>(T value) implements Write<T> {
    }
}
