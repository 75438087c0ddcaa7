package cn.lyg.xilian.core.admin;

import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.catalog.UnitKind;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A responsible unit as the directory holds it (item {@code DIR} / {@code UNIT#<id>}): the registry's part (id, name,
 * kind, aliases) and the part coordinators edit (contacts, liaison, active).
 *
 * @param contacts     registered addresses, normalised ({@link cn.lyg.xilian.core.mail.EmailAddress}); alerts,
 *                     digests and sign-in links go to these only
 * @param version      0 for a profile not stored yet (a seed from the registry); +1 per stored change, the condition
 *                     of the next change (two coordinators editing at once: the second is told, nothing is lost)
 * @param linkSentAt   when a sign-in link was last emailed to the unit, and to whom ({@code linkSentTo})
 * @param lastSignInAt the unit's last sign-in with a link (written at most hourly)
 */
public record UnitProfile(String id, String name, UnitKind kind, List<String> aliases, List<String> contacts,
                          @Nullable String liaisonName, @Nullable String liaisonPhone, boolean active, long version,
                          @Nullable Instant updatedAt, @Nullable Instant linkSentAt, List<String> linkSentTo,
                          @Nullable Instant lastSignInAt) {

    public UnitProfile {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        linkSentTo = linkSentTo == null ? List.of() : List.copyOf(linkSentTo);
    }

    /** A registry unit's first profile (version 0: not stored yet). */
    public static UnitProfile seed(Unit unit, List<String> contacts) {
        return new UnitProfile(unit.id(), unit.name(), unit.kind(), unit.aliases(), contacts, null, null, true, 0,
                null, null, List.of(), null);
    }

    public Unit unit() {
        return new Unit(id, name, kind, aliases);
    }

    /** The same profile as a form filled from {@code formVersion} sees it (the condition of its change). */
    public UnitProfile atVersion(long formVersion) {
        return new UnitProfile(id, name, kind, aliases, contacts, liaisonName, liaisonPhone, active, formVersion,
                updatedAt, linkSentAt, linkSentTo, lastSignInAt);
    }

    /** The same profile with other contacts (not an edit: no version or time changes). */
    public UnitProfile withContacts(List<String> other) {
        return new UnitProfile(id, name, kind, aliases, other, liaisonName, liaisonPhone, active, version, updatedAt,
                linkSentAt, linkSentTo, lastSignInAt);
    }

    public UnitProfile edited(List<String> newContacts, @Nullable String newLiaisonName,
                              @Nullable String newLiaisonPhone, List<String> newAliases, Instant at) {
        return new UnitProfile(id, name, kind, newAliases, newContacts, newLiaisonName, newLiaisonPhone, active,
                version + 1, at, linkSentAt, linkSentTo, lastSignInAt);
    }

    public UnitProfile activated(boolean nowActive, Instant at) {
        return new UnitProfile(id, name, kind, aliases, contacts, liaisonName, liaisonPhone, nowActive, version + 1,
                at, linkSentAt, linkSentTo, lastSignInAt);
    }

    /** A short Chinese description of the editable part, for the audit trail's before → after. */
    public String describe() {
        return "名称：" + name + "；联系人邮箱：" + (contacts.isEmpty() ? "（无）" : String.join("、", contacts))
                + "；联络员：" + (liaisonName == null ? "（无）" : liaisonName)
                + "；电话：" + (liaisonPhone == null ? "（无）" : liaisonPhone)
                + "；别名：" + (aliases.isEmpty() ? "（无）" : String.join("、", aliases))
                + "；状态：" + (active ? "启用" : "停用");
    }
}
