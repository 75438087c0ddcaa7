package cn.lyg.xilian.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The counter of one subject in one minute: pk {@code RATE#<subject>#<minute>}, sk {@code SUBMISSIONS}; {@code count}
 * is an atomic counter (the Enhanced Client adds 1 on every update, the first making it 1), {@code ttl} lets DynamoDB
 * delete it an hour later.
 */
record RateItem(String pk, String sk, Long count, Long ttl) {

    static final TableSchema<RateItem> SCHEMA;

    static {
        var s = ItemSchema.of(RateItem.class);
        var pk = s.pk(RateItem::pk);
        var sk = s.sk(RateItem::sk);
        var count = s.counter("count", RateItem::count, 1, 1);
        var ttl = s.number(TableDefinition.TTL, RateItem::ttl);
        SCHEMA = s.build(v -> new RateItem(v.get(pk), v.get(sk), v.get(count), v.get(ttl)));
    }
}
