package cn.lyg.xilian.email.view;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Every link of every email: absolute, on the public base URL (no trailing slash, see
 * {@link cn.lyg.xilian.email.EmailSettings}).
 */
public record MailLinks(String baseUrl) {

    /** A task's page (where a unit reports and coordinators review). */
    public String task(String taskId) {
        return baseUrl + "/tasks/" + URLEncoder.encode(taskId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The board's red and yellow tasks sorted by risk (worst first), for one unit when given. */
    public String board(String unitId) {
        return baseUrl + "/board?" + (unitId == null ? "" : "unit=" + URLEncoder.encode(unitId, StandardCharsets.UTF_8) + "&")
                + "light=NOT_GREEN&sort=risk";
    }
}
