package cn.lyg.xilian.core.alert;

import cn.lyg.xilian.core.alert.AlertRepository;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The contract of {@link AlertRepository} in memory, for use-case tests. */
final class InMemoryAlertRepository implements AlertRepository {
    private final Map<String, AlertRecord> byKey = new LinkedHashMap<>();

    @Override
    public synchronized boolean recordIfAbsent(AlertRecord alert) {
        return byKey.putIfAbsent(alert.key(), alert) == null;
    }

    @Override
    public synchronized List<AlertRecord> pending(int planYear) {
        return byKey.values().stream().filter(a -> a.finding().planYear() == planYear && a.isPending()).toList();
    }

    @Override
    public synchronized void markDelivered(String alertKey, Audience audience, Instant deliveredAt) {
        byKey.computeIfPresent(alertKey, (k, a) -> a.deliveredTo(audience));
    }

    @Override
    public synchronized void markChatDelivered(String alertKey, Audience audience, Instant deliveredAt) {
        byKey.computeIfPresent(alertKey, (k, a) -> a.chatDeliveredTo(audience));
    }

    synchronized int size() {
        return byKey.size();
    }
}
