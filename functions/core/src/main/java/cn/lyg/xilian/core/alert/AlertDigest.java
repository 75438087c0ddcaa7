package cn.lyg.xilian.core.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything one email of one run is about: one audience, its addresses, its pending items.
 *
 * @param audienceName e.g. the unit's name, or "市发改委" for the coordinators
 * @param batchId      derived from the audience and the alert keys only, so a retry of the same batch
 *                     yields the same Message-ID and can be recognised by the receiving side
 */
public record AlertDigest(Audience audience, String audienceName, List<String> to, LocalDate asOf,
                          String batchId, List<AlertLine> lines) {

    public AlertDigest {
        to = List.copyOf(to);
        lines = List.copyOf(lines);
    }

    public static AlertDigest of(Audience audience, String audienceName, List<String> to, LocalDate asOf,
                                 List<AlertLine> lines) {
        return new AlertDigest(audience, audienceName, to, asOf, batchIdOf(audience, lines), lines);
    }

    public long count(Rule rule) {
        return lines.stream().filter(l -> l.rule() == rule).count();
    }

    static String batchIdOf(Audience audience, List<AlertLine> lines) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(audience.key().getBytes(StandardCharsets.UTF_8));
            lines.stream().map(AlertLine::alertKey).sorted().forEach(k -> {
                sha.update((byte) '\n');
                sha.update(k.getBytes(StandardCharsets.UTF_8));
            });
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
