package cn.lyg.xilian.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * One loaded plan year, pk {@code PLANS}, sk {@code YEAR#Y}: written once by the year's first catalog load, so the
 * years of a deployment are one small Query (infra/dynamodb/TABLE.md, "Plan years").
 */
record PlanYearItem(String pk, String sk, Integer year) implements ItemSchema.Keyed {

    static final TableSchema<PlanYearItem> SCHEMA;

    static {
        var s = ItemSchema.item(PlanYearItem.class);
        var year = s.integer("year", PlanYearItem::year);
        SCHEMA = s.build(v -> new PlanYearItem(v.pk(), v.sk(), v.get(year)));
    }

    static PlanYearItem of(int year) {
        return new PlanYearItem(Keys.PLANS, Keys.yearSk(year), year);
    }
}
