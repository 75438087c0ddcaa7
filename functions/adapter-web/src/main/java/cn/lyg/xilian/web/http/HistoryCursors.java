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
            return new HistoryPage.Cursor(Instant.parse(parts[1]), parts[2], parts[3]);
        } catch (RuntimeException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_CURSOR", "分页参数 cursor 无效，请从第一页重新浏览");
        }
    }

    /** The page size asked for: 1 to {@link HistoryPage#MAX_SIZE}, default {@link HistoryPage#DEFAULT_SIZE}. */
    public static int size(@Nullable Integer limit) {
        if (limit == null) {
            return HistoryPage.DEFAULT_SIZE;
        }
        if (limit < 1 || limit > HistoryPage.MAX_SIZE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "BAD_LIMIT", "limit 须为 1 到 " + HistoryPage.MAX_SIZE + " 之间的整数");
        }
        return limit;
    }
}
