package cn.lyg.xilian.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The counter of one subject in one minute: pk {@code RATE#<subject>#<minute>}, sk {@code SUBMISSIONS}; {@code count}
 * is an atomic counter (the Enhanced Client adds 1 on every update, the first making it 1), {@code ttl} lets DynamoDB
 * delete it an hour later.
 */
record RateItem(String pk, String sk, Long count, Long ttl) implements ItemSchema.Keyed {

    static final TableSchema<RateItem> SCHEMA;

    static {
        var s = ItemSchema.item(RateItem.class);
        var count = s.counter("count", RateItem::count, 1, 1);
        var ttl = s.number(TableDefinition.TTL, RateItem::ttl);
        SCHEMA = s.build(v -> new RateItem(v.pk(), v.sk(), v.get(count), v.get(ttl)));
    }
}
