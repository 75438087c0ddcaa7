package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.access.RateCounter;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.time.Instant;

/**
 * Counters per window ({@link RateItem}; the sign-in link requests): one atomic UpdateItem per counted event, across
 * all Lambda instances, returning the new count. DynamoDB TTL deletes them an hour after the window's start. A
 * submission's count is on its credential item instead ({@link DynamoCredentialRepository#countSubmission}).
 */
public class DynamoRateCounter extends DynamoStore implements RateCounter {

    private static final Duration KEEP = Duration.ofHours(1);

    public DynamoRateCounter(DynamoDbClient client, DynamoDbSettings settings) {
        super(client, settings);
    }

    @Override
    public long increment(String subject, Instant windowStart) {
        RateItem counted = counters().updateItem(r -> r.ignoreNulls(true).item(new RateItem(
                Keys.submissionRatePk(subject, windowStart), Keys.RATE_SUBMISSIONS, null,
                windowStart.plus(KEEP).getEpochSecond())));
        return counted.count();
    }

    private DynamoDbTable<RateItem> counters() {
        return table(RateItem.SCHEMA);
    }
}
