package cn.lyg.xilian.web.http;

import cn.lyg.xilian.core.progress.HistoryPage;
import cn.lyg.xilian.core.progress.IdempotencyKey;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * History cursors as opaque text (base64url of {@code v1 <time> <key> <unit>}). A presented cursor is
 * validated field by field; the storage key is rebuilt from the fields for the asker's own (task, unit), so a
 * made-up cursor can at most skip within what the asker may read anyway.
 */
public final class HistoryCursors {

    private static final Pattern UNIT = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Pattern LIMIT = Pattern.compile("[0-9]{1,3}");
    /**
     * The times a cursor may carry: every stored submission lies between them. Outside, an instant cannot be written
     * as a four-digit-year storage key (far enough out, not even as a date: "Invalid value for EpochDay").
     */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private HistoryCursors() {
    }

    @Nullable
    public static String encode(@Nullable HistoryPage.Cursor c) {
        return c == null ? null : Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("v1 " + c.submittedAt() + " " + c.idempotencyKey() + " " + c.unitId()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The task page's link to the next (older) page of one unit's history, or "" on its last page: only that
     * unit pages back, the others stay on their newest page.
     */
    public static String olderLink(String taskId, String unitId, @Nullable HistoryPage.Cursor next) {
        return next == null ? "" : "/tasks/" + URLEncoder.encode(taskId, StandardCharsets.UTF_8) + "?unit="
                + URLEncoder.encode(unitId, StandardCharsets.UTF_8) + "&before=" + encode(next) + "#history-" + unitId;
    }

    @Nullable
    public static HistoryPage.Cursor decode(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            if (text.length() > 200) {
                throw new IllegalArgumentException("too long");
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(" ", -1);
            if (parts.length != 4 || !parts[0].equals("v1") || !IdempotencyKey.isValid(parts[2])
                    && !parts[2].matches("[A-Za-z0-9_-]{1,64}") || !UNIT.matcher(parts[3]).matches()) {
                throw new IllegalArgumentException("shape");
            }
            Instant at = Instant.parse(parts[1]);
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                throw new IllegalArgumentException("time out of range");
            }
            return new HistoryPage.Cursor(at, parts[2], parts[3]);
        } catch (RuntimeException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_CURSOR", "分页参数 cursor 无效，请从第一页重新浏览");
        }
    }

    /**
     * The page size asked for ({@code ?limit=} as sent): 1 to {@link HistoryPage#MAX_SIZE}, default
     * {@link HistoryPage#DEFAULT_SIZE}. Parsed here rather than bound as a number, so that {@code limit=abc} gets this
     * answer too and not the framework's.
     */
    public static int size(@Nullable String limit) {
        if (limit == null || limit.isEmpty()) {
            return HistoryPage.DEFAULT_SIZE;
        }
        int value = LIMIT.matcher(limit).matches() ? Integer.parseInt(limit) : -1;
        if (value < 1 || value > HistoryPage.MAX_SIZE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_LIMIT", "limit 须为 1 到 " + HistoryPage.MAX_SIZE + " 之间的整数");
        }
        return value;
    }
}
