package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.access.LinkRequest;
import cn.lyg.xilian.core.access.LinkRequestRepository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.Optional;

/** Sign-in link requests ({@link LinkRequestItem}): a put-if-absent, a consistent GetItem, a conditional mark. */
public final class DynamoLinkRequestRepository extends DynamoStore implements LinkRequestRepository {

    public DynamoLinkRequestRepository(DynamoDbClient client, DynamoDbSettings settings) {
        super(client, settings);
    }

    @Override
    public void record(LinkRequest request, Instant keepUntil) {
        requests().putItem(r -> r.item(LinkRequestItem.of(request, keepUntil)).conditionExpression(Conditions.ITEM_ABSENT));
    }

    @Override
    public Optional<Stored> find(String id) {
        return get(requests(), LinkRequestItem.key(id)).map(LinkRequestItem::stored);
    }

    /** Only an existing request, and only its first mark. */
    @Override
    public void markHandled(String id, String outcome, Instant at) {
        setIf(requests(), LinkRequestItem.handled(id, outcome, at),
                Conditions.when("attribute_exists(pk) AND attribute_not_exists(handledAt)"));
    }

    private DynamoDbTable<LinkRequestItem> requests() {
        return table(LinkRequestItem.SCHEMA);
    }
}
