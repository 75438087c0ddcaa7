package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.access.LinkRequest;
import cn.lyg.xilian.core.access.LinkRequestRepository;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import java.time.Instant;

/**
 * A request for a sign-in link by email: pk {@code LINKREQ#<id>}, sk {@code LINKREQ}. Its INSERT on the stream
 * drives the email ({@code requestedBy}: the coordinator who sent a unit its link from 单位与账号管理); {@code handledAt}/{@code outcome} are set once when handled; {@code ttl} purges it a day later.
 */
record LinkRequestItem(String pk, String sk, String entered, String returnPath, Instant requestedAt,
                       Instant handledAt, String outcome, Long ttl, String requestedBy) implements ItemSchema.Keyed {

    static final TableSchema<LinkRequestItem> SCHEMA;

    static {
        var s = ItemSchema.item(LinkRequestItem.class);
        var entered = s.string("entered", LinkRequestItem::entered);
        var returnPath = s.string("returnPath", LinkRequestItem::returnPath);
        var requestedAt = s.time("requestedAt", LinkRequestItem::requestedAt);
        var handledAt = s.time("handledAt", LinkRequestItem::handledAt);
        var outcome = s.string("outcome", LinkRequestItem::outcome);
        var ttl = s.number(TableDefinition.TTL, LinkRequestItem::ttl);
        var requestedBy = s.string("requestedBy", LinkRequestItem::requestedBy);
        SCHEMA = s.build(v -> new LinkRequestItem(v.pk(), v.sk(), v.get(entered), v.get(returnPath),
                v.get(requestedAt), v.get(handledAt), v.get(outcome), v.get(ttl), v.get(requestedBy)));
    }

    static LinkRequestItem of(LinkRequest r, Instant keepUntil) {
        return new LinkRequestItem(Keys.linkRequestPk(r.id()), Keys.LINK_REQUEST, r.entered(), r.returnPath(),
                DynamoStore.millis(r.requestedAt()), null, null, keepUntil.getEpochSecond(), r.requestedBy());
    }

    /** The key and the mark, nothing else: what the update sets. */
    static LinkRequestItem handled(String id, String outcome, Instant at) {
        return new LinkRequestItem(Keys.linkRequestPk(id), Keys.LINK_REQUEST, null, null, null, DynamoStore.millis(at),
                outcome, null, null);
    }

    static Key key(String id) {
        return DynamoStore.key(Keys.linkRequestPk(id), Keys.LINK_REQUEST);
    }

    LinkRequestRepository.Stored stored() {
        String id = pk.substring(Keys.linkRequestPk("").length());
        return new LinkRequestRepository.Stored(new LinkRequest(id, entered, returnPath, requestedAt, requestedBy), handledAt,
                outcome);
    }
}
