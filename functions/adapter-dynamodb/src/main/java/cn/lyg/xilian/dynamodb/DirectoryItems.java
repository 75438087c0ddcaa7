package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.admin.CoordinatorAccount;
import cn.lyg.xilian.core.admin.UnitProfile;
import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.catalog.UnitKind;
import cn.lyg.xilian.core.chat.ChatVendor;
import cn.lyg.xilian.core.chat.RobotSetting;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import java.time.Instant;
import java.util.List;

/**
 * The items of the directory partition {@code DIR} (infra/dynamodb/TABLE.md): a unit's profile
 * ({@code UNIT#<unitId>}), a coordinator account ({@code COORD#<accountId>}) and a group robot's setting
 * ({@code CHAT#<audience key>}), read together with one Query.
 */
final class DirectoryItems {

    private DirectoryItems() {
    }

    sealed interface Item extends ItemSchema.Keyed permits UnitProfileItem, CoordinatorItem, RobotItem {
    }

    /** The item types of the partition, told apart by their sort key's prefix. */
    static final TableSchema<Item> PARTITION = PartitionSchema.of(Item.class)
            .prefixed(Keys.DIRECTORY_UNIT_PREFIX, UnitProfileItem.class, UnitProfileItem.SCHEMA)
            .prefixed(Keys.DIRECTORY_COORDINATOR_PREFIX, CoordinatorItem.class, CoordinatorItem.SCHEMA)
            .prefixed(Keys.DIRECTORY_CHAT_PREFIX, RobotItem.class, RobotItem.SCHEMA);

    /**
     * A unit's profile. {@code version} is the condition of the next edit; {@code linkSentAt}/{@code linkSentTo}
     * and {@code lastSignInAt} are marks set by their own updates, never by an edit.
     */
    record UnitProfileItem(String pk, String sk, String type, String id, String name, UnitKind kind,
                           List<String> aliases, List<String> contacts, String liaisonName, String liaisonPhone,
                           Boolean active, Long version, Instant updatedAt, Instant linkSentAt,
                           List<String> linkSentTo, Instant lastSignInAt) implements Item {

        static final String TYPE = "DIRUNIT";
        static final String VERSION = "version";
        static final String LAST_SIGN_IN_AT = "lastSignInAt";
        /** What an edit writes (set when present, removed when absent); the marks are left as they are. */
        static final List<String> EDITABLE = List.of("type", "id", "name", "kind", "aliases", "contacts",
                "liaisonName", "liaisonPhone", "active", VERSION, "updatedAt");

        static final TableSchema<UnitProfileItem> SCHEMA;

        static {
            var s = ItemSchema.item(UnitProfileItem.class);
            var type = s.string("type", UnitProfileItem::type);
            var id = s.string("id", UnitProfileItem::id);
            var name = s.string("name", UnitProfileItem::name);
            var kind = s.enumeration("kind", UnitKind.class, UnitProfileItem::kind);
            var aliases = s.strings("aliases", UnitProfileItem::aliases);
            var contacts = s.strings("contacts", UnitProfileItem::contacts);
            var liaisonName = s.string("liaisonName", UnitProfileItem::liaisonName);
            var liaisonPhone = s.string("liaisonPhone", UnitProfileItem::liaisonPhone);
            var active = s.bool("active", UnitProfileItem::active);
            var version = s.number(VERSION, UnitProfileItem::version);
            var updatedAt = s.time("updatedAt", UnitProfileItem::updatedAt);
            var linkSentAt = s.time("linkSentAt", UnitProfileItem::linkSentAt);
            var linkSentTo = s.strings("linkSentTo", UnitProfileItem::linkSentTo);
            var lastSignInAt = s.time(LAST_SIGN_IN_AT, UnitProfileItem::lastSignInAt);
            SCHEMA = s.build(v -> new UnitProfileItem(v.pk(), v.sk(), v.get(type), v.get(id), v.get(name),
                    v.get(kind), v.get(aliases), v.get(contacts), v.get(liaisonName), v.get(liaisonPhone),
                    v.get(active), v.get(version), v.get(updatedAt), v.get(linkSentAt), v.get(linkSentTo),
                    v.get(lastSignInAt)));
        }

        static UnitProfileItem of(UnitProfile p) {
            return new UnitProfileItem(Keys.DIRECTORY, Keys.directoryUnitSk(p.id()), TYPE, p.id(), p.name(),
                    p.kind(), p.aliases(), p.contacts(), p.liaisonName(), p.liaisonPhone(), p.active(), p.version(),
                    DynamoStore.millis(p.updatedAt()), DynamoStore.millis(p.linkSentAt()),
                    p.linkSentAt() == null ? null : p.linkSentTo(), DynamoStore.millis(p.lastSignInAt()));
        }

        /** The key and the mark of a link sent, nothing else: what the update sets. */
        static UnitProfileItem linkSent(String unitId, Instant at, List<String> to) {
            return new UnitProfileItem(Keys.DIRECTORY, Keys.directoryUnitSk(unitId), null, null, null, null, null,
                    null, null, null, null, null, null, DynamoStore.millis(at), List.copyOf(to), null);
        }

        /** The key and the sign-in time, nothing else. */
        static UnitProfileItem signedIn(String unitId, Instant at) {
            return new UnitProfileItem(Keys.DIRECTORY, Keys.directoryUnitSk(unitId), null, null, null, null, null,
                    null, null, null, null, null, null, null, null, DynamoStore.millis(at));
        }

        static Key key(String unitId) {
            return DynamoStore.key(Keys.DIRECTORY, Keys.directoryUnitSk(unitId));
        }

        UnitProfile profile() {
            return new UnitProfile(id, name, kind, aliases, contacts, liaisonName, liaisonPhone,
                    active == null || active, version == null ? 1 : version, updatedAt, linkSentAt, linkSentTo,
                    lastSignInAt);
        }
    }

    /** A coordinator account; removal sets {@code active = false} and {@code removedAt} (once), keeping the item. */
    record CoordinatorItem(String pk, String sk, String type, String id, String name, String email, Boolean active,
                           Instant createdAt, Instant removedAt) implements Item {

        static final String TYPE = "COORD";

        static final TableSchema<CoordinatorItem> SCHEMA;

        static {
            var s = ItemSchema.item(CoordinatorItem.class);
            var type = s.string("type", CoordinatorItem::type);
            var id = s.string("id", CoordinatorItem::id);
            var name = s.string("name", CoordinatorItem::name);
            var email = s.string("email", CoordinatorItem::email);
            var active = s.bool("active", CoordinatorItem::active);
            var createdAt = s.time("createdAt", CoordinatorItem::createdAt);
            var removedAt = s.time("removedAt", CoordinatorItem::removedAt);
            SCHEMA = s.build(v -> new CoordinatorItem(v.pk(), v.sk(), v.get(type), v.get(id), v.get(name),
                    v.get(email), v.get(active), v.get(createdAt), v.get(removedAt)));
        }

        static CoordinatorItem of(CoordinatorAccount a) {
            return new CoordinatorItem(Keys.DIRECTORY, Keys.directoryCoordinatorSk(a.id()), TYPE, a.id(), a.name(),
                    a.email(), a.active(), DynamoStore.millis(a.createdAt()), DynamoStore.millis(a.removedAt()));
        }

        static Key key(String accountId) {
            return DynamoStore.key(Keys.DIRECTORY, Keys.directoryCoordinatorSk(accountId));
        }

        CoordinatorAccount account() {
            return new CoordinatorAccount(id, name, email, active == null || active, createdAt, removedAt);
        }
    }

    /**
     * A group robot's setting: the vendor and the masked webhook in the clear, the webhook URL and the signing secret
     * only sealed ({@link cn.lyg.xilian.core.chat.SecretSealer}); {@code version} is the condition of the next change.
     */
    record RobotItem(String pk, String sk, String type, String audience, ChatVendor vendor, String sealedWebhook,
                     String sealedSecret, String maskedWebhook, Long version, Instant updatedAt, String updatedBy)
            implements Item {

        static final String TYPE = "CHAT";
        static final String VERSION = "version";

        static final TableSchema<RobotItem> SCHEMA;

        static {
            var s = ItemSchema.item(RobotItem.class);
            var type = s.string("type", RobotItem::type);
            var audience = s.string("audience", RobotItem::audience);
            var vendor = s.enumeration("vendor", ChatVendor.class, RobotItem::vendor);
            var sealedWebhook = s.string("sealedWebhook", RobotItem::sealedWebhook);
            var sealedSecret = s.string("sealedSecret", RobotItem::sealedSecret);
            var maskedWebhook = s.string("maskedWebhook", RobotItem::maskedWebhook);
            var version = s.number(VERSION, RobotItem::version);
            var updatedAt = s.time("updatedAt", RobotItem::updatedAt);
            var updatedBy = s.string("updatedBy", RobotItem::updatedBy);
            SCHEMA = s.build(v -> new RobotItem(v.pk(), v.sk(), v.get(type), v.get(audience), v.get(vendor),
                    v.get(sealedWebhook), v.get(sealedSecret), v.get(maskedWebhook), v.get(version),
                    v.get(updatedAt), v.get(updatedBy)));
        }

        static RobotItem of(RobotSetting r) {
            return new RobotItem(Keys.DIRECTORY, Keys.directoryChatSk(r.audience().key()), TYPE, r.audience().key(),
                    r.vendor(), r.sealedWebhook(), r.sealedSecret(), r.maskedWebhook(), r.version(),
                    DynamoStore.millis(r.updatedAt()), r.updatedBy());
        }

        static Key key(Audience audience) {
            return DynamoStore.key(Keys.DIRECTORY, Keys.directoryChatSk(audience.key()));
        }

        RobotSetting setting() {
            return new RobotSetting(Audience.ofKey(audience), vendor, sealedWebhook, sealedSecret, maskedWebhook,
                    version == null ? 1 : version, updatedAt, updatedBy);
        }
    }
}
