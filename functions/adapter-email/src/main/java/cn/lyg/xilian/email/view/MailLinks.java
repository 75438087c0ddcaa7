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

    /**
     * A sign-in link ({@code /login?token=…}), leading after the sign-in to {@code returnPath} when given (already
     * checked against core's {@code ReturnPath} grammar; encoded here all the same).
     */
    public String signIn(String token, String returnPath) {
        return baseUrl + "/login?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + (returnPath == null ? "" : "&next=" + URLEncoder.encode(returnPath, StandardCharsets.UTF_8));
    }
}
