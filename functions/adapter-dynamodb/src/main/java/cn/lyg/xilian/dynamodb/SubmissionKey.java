package cn.lyg.xilian.dynamodb;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identity of a submission read back from its table key, e.g. from a keys-only DynamoDB Streams
 * record: pk {@code PLAN#<year>#TASK#<taskId>}, sk {@code SUB#<unitId>#<idempotencyKey>} (the key may
 * itself contain {@code #}: it is always the last component).
 */
public record SubmissionKey(int planYear, String taskId, String unitId, String idempotencyKey) {

    private static final Pattern HISTORY_PK = Pattern.compile("PLAN#(\\d{4})#TASK#([^#]+)");

    /** Empty when the key is not a submission history item's (state, catalog, alert … items). */
    public static Optional<SubmissionKey> parse(String pk, String sk) {
        if (pk == null || sk == null || !sk.startsWith(Keys.SUBMISSION_PREFIX)) {
            return Optional.empty();
        }
        Matcher m = HISTORY_PK.matcher(pk);
        if (!m.matches()) {
            return Optional.empty();
        }
        String rest = sk.substring(Keys.SUBMISSION_PREFIX.length());
        int sep = rest.indexOf(Keys.SEPARATOR);
        if (sep <= 0 || sep == rest.length() - 1) {
            return Optional.empty();
        }
        SubmissionKey key = new SubmissionKey(Integer.parseInt(m.group(1)), m.group(2), rest.substring(0, sep),
                rest.substring(sep + 1));
        // Round trip through Keys, so parse and build can never disagree.
        return Keys.taskHistoryPk(key.planYear, key.taskId).equals(pk)
                && Keys.submissionSk(key.unitId, key.idempotencyKey).equals(sk) ? Optional.of(key) : Optional.empty();
    }
}
