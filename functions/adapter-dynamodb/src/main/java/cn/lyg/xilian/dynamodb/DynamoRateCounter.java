package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.access.RateCounter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Per-minute counters as items {@code RATE#<subject>#<minute>} / {@code SUBMISSIONS}: one atomic UpdateItem
 * ({@code ADD}) per counted event, across all Lambda instances. DynamoDB TTL deletes them an hour later.
 */
public class DynamoRateCounter extends DynamoStore implements RateCounter {

    private static final Duration KEEP = Duration.ofHours(1);

    public DynamoRateCounter(DynamoDbClient client, DynamoDbSettings settings) {
        super(client, settings);
    }

    @Override
    public long increment(String subject, Instant windowStart) {
        var response = client.updateItem(b -> b.tableName(table)
                .key(Map.of(TableDefinition.PK, AttributeValue.fromS(Keys.submissionRatePk(subject, windowStart)),
                        TableDefinition.SK, AttributeValue.fromS(Keys.RATE_SUBMISSIONS)))
                .updateExpression("ADD #n :one SET #ttl = :ttl")
                .expressionAttributeNames(Map.of("#n", "count", "#ttl", TableDefinition.TTL))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                        ":ttl", AttributeValue.fromN(Long.toString(windowStart.plus(KEEP).getEpochSecond()))))
                .returnValues(ReturnValue.UPDATED_NEW));
        return Long.parseLong(response.attributes().get("count").n());
    }
}
