package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.report.DigestRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The {@link DigestRepository} contract in memory, keyed like the table: (year, week) → recipient. */
final class InMemoryDigestRepository implements DigestRepository {

    private final Map<String, DigestRecord> records = new TreeMap<>();
    private final Map<String, StatusSnapshot> snapshots = new TreeMap<>();

    private static String key(int year, ReportWeek week, String recipientId) {
        return year + "#" + week.id() + "#" + recipientId;
    }

    @Override
    public synchronized DigestRecord claim(int planYear, ReportWeek week, String recipientId, Instant now) {
        return records.computeIfAbsent(key(planYear, week, recipientId),
                k -> DigestRecord.pending(planYear, week, recipientId, now));
    }

    @Override
    public synchronized void markSent(int planYear, ReportWeek week, String recipientId, String messageId, Instant sentAt) {
        records.computeIfPresent(key(planYear, week, recipientId),
                (k, r) -> r.sent() ? r : r.markedSent(messageId, sentAt));
    }

    @Override
    public synchronized void markChatSent(int planYear, ReportWeek week, String recipientId, Instant sentAt) {
        records.computeIfPresent(key(planYear, week, recipientId),
                (k, r) -> r.chatSent() ? r : r.markedChatSent(sentAt));
    }

    @Override
    public synchronized List<DigestRecord> ofWeek(int planYear, ReportWeek week) {
        String prefix = planYear + "#" + week.id() + "#";
        return new ArrayList<>(records.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .map(Map.Entry::getValue).toList());
    }

    @Override
    public synchronized int reopen(int planYear, ReportWeek week) {
        int reopened = 0;
        for (DigestRecord r : ofWeek(planYear, week)) {
            if (r.sent()) {
                records.put(key(planYear, week, r.recipientId()), r.reopened());
                reopened++;
            }
        }
        return reopened;
    }

    @Override
    public synchronized Optional<StatusSnapshot> snapshot(int planYear, ReportWeek week) {
        return Optional.ofNullable(snapshots.get(planYear + "#" + week.id()));
    }

    @Override
    public synchronized void saveSnapshotIfAbsent(int planYear, ReportWeek week, StatusSnapshot snapshot) {
        snapshots.putIfAbsent(planYear + "#" + week.id(), snapshot);
    }
}
