package cn.lyg.xilian.core.admin;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A named coordinator of 市发改委 (item {@code DIR} / {@code COORD#<id>}). Removing one keeps the item (inactive), so
 * the trail can still name who did what.
 *
 * @param id random, {@code c-} and 10 lower-case hex digits ({@link #ID}); never reused
 */
public record CoordinatorAccount(String id, String name, String email, boolean active, Instant createdAt,
                                 @Nullable Instant removedAt) {

    public static final Pattern ID = Pattern.compile("c-[0-9a-f]{10}");

    public static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public CoordinatorAccount removed(Instant at) {
        return new CoordinatorAccount(id, name, email, false, createdAt, at);
    }

    public String describe() {
        return name + "（" + email + "）" + (active ? "" : "，已移除");
    }
}
