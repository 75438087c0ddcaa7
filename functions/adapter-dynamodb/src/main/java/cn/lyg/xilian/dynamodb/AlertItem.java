package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.alert.AlertRecord;
import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.alert.Finding;
import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.alert.Rule;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An alert: pk {@code PLAN#Y#ALERT}, sk {@code <taskId>#<unitId>#<rule>#<occurrence>}. Created once; afterwards only
 * the delivery attributes change: {@code audiences} (every audience key it must reach, fixed), {@code pendingTo}
 * (those still waiting; DynamoDB drops the set with its last member), {@code delivered} (audience key → time, present
 * even when empty: a delivery sets a path inside it) and the sparse gsi2 keys {@code PLAN#Y#PENDING} /
 * {@code ALERT#<sk>}, present only while {@code pendingTo} or {@code chatPendingTo} is.
 *
 * <p>The group-chat channel, written only for an alert recorded while some audience had a robot (absent otherwise,
 * so older items read as email-only): {@code chatTo} (the audiences whose robot must get it, fixed),
 * {@code chatPendingTo} (those still waiting) and {@code chatSent} (audience key → time), kept like their email
 * counterparts.
 */
record AlertItem(String pk, String sk, String gsi2pk, String gsi2sk, Integer planYear, String taskId, String unitId,
                 Rule rule, Light light, String occurrence, String reason, LocalDate foundOn, Instant recordedAt,
                 Set<String> audiences, Set<String> pendingTo, Map<String, String> delivered,
                 Set<String> chatTo, Set<String> chatPendingTo, Map<String, String> chatSent)
        implements ItemSchema.Keyed {

    static final String PENDING_TO = "pendingTo";
    static final String DELIVERED = "delivered";
    static final String CHAT_PENDING_TO = "chatPendingTo";
    static final String CHAT_SENT = "chatSent";
    static final String INDEX_SK_PREFIX = "ALERT#";

    static final TableSchema<AlertItem> SCHEMA;

    static {
        var s = ItemSchema.item(AlertItem.class);
        var gsi2pk = s.gsi2pk(AlertItem::gsi2pk);
        var gsi2sk = s.gsi2sk(AlertItem::gsi2sk);
        var planYear = s.integer("planYear", AlertItem::planYear);
        var taskId = s.string("taskId", AlertItem::taskId);
        var unitId = s.string("unitId", AlertItem::unitId);
        var rule = s.enumeration("rule", Rule.class, AlertItem::rule);
        var light = s.enumeration("light", Light.class, AlertItem::light);
        var occurrence = s.string("occurrence", AlertItem::occurrence);
        var reason = s.string("reason", AlertItem::reason);
        var foundOn = s.date("foundOn", AlertItem::foundOn);
        var recordedAt = s.time("recordedAt", AlertItem::recordedAt);
        var audiences = s.stringSet("audiences", AlertItem::audiences);
        var pendingTo = s.stringSet(PENDING_TO, AlertItem::pendingTo);
        var delivered = s.stringMap(DELIVERED, AlertItem::delivered);
        var chatTo = s.stringSet("chatTo", AlertItem::chatTo);
        var chatPendingTo = s.stringSet(CHAT_PENDING_TO, AlertItem::chatPendingTo);
        var chatSent = s.stringMap(CHAT_SENT, AlertItem::chatSent);
        SCHEMA = s.build(v -> new AlertItem(v.pk(), v.sk(), v.get(gsi2pk), v.get(gsi2sk), v.get(planYear),
                v.get(taskId), v.get(unitId), v.get(rule), v.get(light), v.get(occurrence), v.get(reason),
                v.get(foundOn), v.get(recordedAt), v.get(audiences), v.get(pendingTo), v.get(delivered),
                v.get(chatTo), v.get(chatPendingTo), v.get(chatSent)));
    }

    static AlertItem of(AlertRecord alert) {
        Finding f = alert.finding();
        String sk = Keys.alertSk(f.taskId(), f.unitId(), f.rule().name(), f.occurrence());
        Map<String, String> delivered = new LinkedHashMap<>();
        alert.deliveredTo().forEach(a -> delivered.put(a.key(), Keys.time(alert.recordedAt())));
        Set<String> pendingTo = keys(alert.pendingAudiences());
        Set<String> chatPendingTo = keys(alert.pendingChatAudiences());
        boolean waiting = !pendingTo.isEmpty() || !chatPendingTo.isEmpty();
        boolean chat = !alert.chatAudiences().isEmpty();
        Map<String, String> chatSent = null;
        if (chat) {
            chatSent = new LinkedHashMap<>();
            for (Audience a : alert.chatDeliveredTo()) {
                chatSent.put(a.key(), Keys.time(alert.recordedAt()));
            }
        }
        return new AlertItem(Keys.alertPk(f.planYear()), sk, waiting ? Keys.pendingPk(f.planYear()) : null,
                waiting ? INDEX_SK_PREFIX + sk : null, f.planYear(), f.taskId(), f.unitId(), f.rule(), f.light(),
                f.occurrence(), f.reason(), f.foundOn(), alert.recordedAt(), keys(alert.audiences()), pendingTo,
                delivered, chat ? keys(alert.chatAudiences()) : null, chat ? chatPendingTo : null, chatSent);
    }

    AlertRecord alert() {
        Finding finding = new Finding(planYear, taskId, unitId, rule, light, occurrence, reason, foundOn);
        Set<Audience> all = audiences(audiences);
        // Delivered = recorded deliveries; an audience no longer in pendingTo counts as delivered too.
        Set<Audience> reached = new LinkedHashSet<>(audiences(delivered == null ? Set.of() : delivered.keySet()));
        Set<Audience> stillPending = audiences(pendingTo);
        all.stream().filter(a -> !stillPending.contains(a)).forEach(reached::add);
        Set<Audience> chatAll = audiences(chatTo);
        Set<Audience> chatReached = new LinkedHashSet<>(audiences(chatSent == null ? Set.of() : chatSent.keySet()));
        Set<Audience> chatWaiting = audiences(chatPendingTo);
        chatAll.stream().filter(a -> !chatWaiting.contains(a)).forEach(chatReached::add);
        return new AlertRecord(finding, all, reached, recordedAt, chatAll, chatReached);
    }

    private static Set<String> keys(Collection<Audience> audiences) {
        return audiences.stream().map(Audience::key).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<Audience> audiences(Set<String> keys) {
        return keys == null ? new LinkedHashSet<>()
                : keys.stream().map(Audience::ofKey).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
