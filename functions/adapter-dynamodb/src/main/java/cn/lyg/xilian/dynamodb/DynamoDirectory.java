package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.admin.CoordinatorAccount;
import cn.lyg.xilian.core.admin.Directory;
import cn.lyg.xilian.core.admin.RobotSettings;
import cn.lyg.xilian.core.admin.UnitProfile;
import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.chat.RobotSetting;
import cn.lyg.xilian.core.supervision.Write;
import cn.lyg.xilian.dynamodb.DirectoryItems.CoordinatorItem;
import cn.lyg.xilian.dynamodb.DirectoryItems.RobotItem;
import cn.lyg.xilian.dynamodb.DirectoryItems.UnitProfileItem;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The directory partition {@code DIR} ({@link DirectoryItems}; infra/dynamodb/TABLE.md): one consistent Query reads
 * every unit profile, coordinator account and group robot setting (tens of items). Creations are conditional puts; an
 * edit is conditional on the version it was made from; the marks (link sent, last sign-in) and a coordinator's removal
 * only set their own attributes on an existing item.
 */
public class DynamoDirectory extends DynamoStore implements Directory, RobotSettings {

    /** A sign-in is written at most once an hour per unit (a unit signing in often costs no writes). */
    static final Duration SIGN_IN_PRECISION = Duration.ofHours(1);

    public DynamoDirectory(software.amazon.awssdk.services.dynamodb.DynamoDbClient client,
                           DynamoDbSettings settings) {
        super(client, settings);
    }

    @Override
    public Contents read() {
        List<UnitProfile> units = new ArrayList<>();
        List<CoordinatorAccount> coordinators = new ArrayList<>();
        List<RobotSetting> robots = new ArrayList<>();
        items(partition().query(q -> q.consistentRead(true).queryConditional(partition(Keys.DIRECTORY))))
                .forEach(item -> {
                    switch (item) {
                        case UnitProfileItem u -> units.add(u.profile());
                        case CoordinatorItem c -> coordinators.add(c.account());
                        case RobotItem r -> robots.add(r.setting());
                    }
                });
        units.sort(Comparator.comparing(UnitProfile::id));
        coordinators.sort(Comparator.comparing(CoordinatorAccount::id));
        robots.sort(Comparator.comparing(r -> r.audience().key()));
        return new Contents(List.copyOf(units), List.copyOf(coordinators), List.copyOf(robots));
    }

    @Override
    public Optional<UnitProfile> unit(String unitId) {
        return get(units(), UnitProfileItem.key(unitId)).map(UnitProfileItem::profile);
    }

    @Override
    public Write<UnitProfile> create(UnitProfile profile) {
        UnitProfileItem item = UnitProfileItem.of(profile);
        if (putIfAbsent(units(), item)) {
            return new Write.Stored<>(item.profile());
        }
        return new Write.Taken<>(storedUnit(profile.id()));
    }

    /**
     * Low-level: an edit sets the editable attributes and removes the cleared ones (a liaison taken off), leaving the
     * marks that their own updates set meanwhile, which a put of the whole profile would undo.
     */
    @Override
    public Write<UnitProfile> update(UnitProfile next) {
        UnitProfileItem item = UnitProfileItem.of(next);
        Map<String, AttributeValue> values = UnitProfileItem.SCHEMA.itemToMap(item, true);
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> bound = new HashMap<>();
        int i = 0;
        for (String attribute : UnitProfileItem.EDITABLE) {
            String name = "#a" + i;
            names.put(name, attribute);
            AttributeValue value = values.get(attribute);
            if (value == null) {
                remove.add(name);
            } else {
                set.add(name + " = :v" + i);
                bound.put(":v" + i, value);
            }
            i++;
        }
        String condition;
        if (next.version() <= 1) {
            condition = "attribute_not_exists(#pk)";
            names.put("#pk", TableDefinition.PK);
        } else {
            condition = "#version = :previous";
            names.put("#version", UnitProfileItem.VERSION);
            bound.put(":previous", AttributeValue.fromN(Long.toString(next.version() - 1)));
        }
        String expression = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE "
                + String.join(", ", remove));
        try {
            client.updateItem(b -> b.tableName(tableName)
                    .key(Conditions.key(item.pk(), item.sk()))
                    .updateExpression(expression)
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(bound));
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return new Write.Taken<>(storedUnit(next.id()));
        }
        return new Write.Stored<>(unit(next.id()).orElseThrow());
    }

    @Override
    public void markLinkSent(String unitId, Instant at, List<String> to) {
        setIf(units(), UnitProfileItem.linkSent(unitId, at, to), Conditions.ITEM_EXISTS);
    }

    @Override
    public void markSignedIn(String unitId, Instant at) {
        setIf(units(), UnitProfileItem.signedIn(unitId, at), Conditions.when(
                "attribute_exists(#pk) AND (attribute_not_exists(#last) OR #last < :cutoff)",
                "#pk", TableDefinition.PK, "#last", UnitProfileItem.LAST_SIGN_IN_AT,
                ":cutoff", millis(at).minus(SIGN_IN_PRECISION)));
    }

    @Override
    public Write<CoordinatorAccount> create(CoordinatorAccount account) {
        CoordinatorItem item = CoordinatorItem.of(account);
        if (putIfAbsent(coordinators(), item)) {
            return new Write.Stored<>(item.account());
        }
        return new Write.Taken<>(get(coordinators(), CoordinatorItem.key(account.id()))
                .map(CoordinatorItem::account).orElseThrow(() -> new IllegalStateException(
                        "coordinator " + account.id() + " is neither stored nor storable")));
    }

    /** Low-level: {@code if_not_exists} keeps the first removal time (the Enhanced Client's update would not). */
    @Override
    public void remove(String accountId, Instant at) {
        try {
            client.updateItem(b -> b.tableName(tableName)
                    .key(Conditions.key(Keys.DIRECTORY, Keys.directoryCoordinatorSk(accountId)))
                    .updateExpression("SET active = :f, removedAt = if_not_exists(removedAt, :t)")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":f", AttributeValue.fromBool(false),
                            ":t", Conditions.s(Keys.time(at)))));
        } catch (ConditionalCheckFailedException absent) {
            // no such account: nothing to remove
        }
    }

    @Override
    public Optional<RobotSetting> robot(Audience audience) {
        return get(robots(), RobotItem.key(audience)).map(RobotItem::setting);
    }

    /** A put of the whole item: a setting has no marks of its own that a put could undo. */
    @Override
    public Write<Optional<RobotSetting>> save(RobotSetting next) {
        RobotItem item = RobotItem.of(next);
        Expression condition = next.version() <= 1 ? Conditions.ITEM_ABSENT
                : Conditions.when("#version = :previous", "#version", RobotItem.VERSION, ":previous",
                next.version() - 1);
        try {
            robots().putItem(r -> r.item(item).conditionExpression(condition));
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return new Write.Taken<>(robot(next.audience()));
        }
        return new Write.Stored<>(Optional.of(item.setting()));
    }

    @Override
    public Optional<RobotSetting> delete(Audience audience, long version) {
        try {
            robots().deleteItem(r -> r.key(RobotItem.key(audience)).conditionExpression(Conditions.when(
                    "attribute_not_exists(#pk) OR #version = :version", "#pk", TableDefinition.PK,
                    "#version", RobotItem.VERSION, ":version", version)));
            return Optional.empty();
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return robot(audience);
        }
    }

    /** What holds the key after a failed condition, read consistently. */
    private UnitProfile storedUnit(String unitId) {
        return unit(unitId).orElseThrow(() -> new IllegalStateException(
                "unit " + unitId + " changed under a version that is not stored"));
    }

    private DynamoDbTable<DirectoryItems.Item> partition() {
        return table(DirectoryItems.PARTITION);
    }

    private DynamoDbTable<UnitProfileItem> units() {
        return table(UnitProfileItem.SCHEMA);
    }

    private DynamoDbTable<RobotItem> robots() {
        return table(RobotItem.SCHEMA);
    }

    private DynamoDbTable<CoordinatorItem> coordinators() {
        return table(CoordinatorItem.SCHEMA);
    }
}
