package cn.lyg.xilian.core.alert;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A finding as stored: who it must reach and who it has reached. It is pending while some audience
 * has not received it; a failed send leaves it pending for the next run.
 */
public record AlertRecord(Finding finding, Set<Audience> audiences, Set<Audience> deliveredTo, Instant recordedAt) {

    public AlertRecord {
        audiences = Set.copyOf(audiences);
        deliveredTo = Set.copyOf(deliveredTo);
    }

    public static AlertRecord newlyFound(Finding finding, Set<Audience> audiences, Instant now) {
        return new AlertRecord(finding, audiences, Set.of(), now);
    }

    public String key() {
        return finding.key();
    }

    public List<Audience> pendingAudiences() {
        return audiences.stream().filter(a -> !deliveredTo.contains(a)).toList();
    }

    public boolean isPending() {
        return !pendingAudiences().isEmpty();
    }

    public AlertRecord deliveredTo(Audience audience) {
        Set<Audience> delivered = new LinkedHashSet<>(deliveredTo);
        delivered.add(audience);
        return new AlertRecord(finding, audiences, delivered, recordedAt);
    }
}
