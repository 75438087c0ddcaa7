package cn.lyg.xilian.core.supervision;

import cn.lyg.xilian.core.progress.Review;
import cn.lyg.xilian.core.evidence.EvidenceFile;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The supervision ports in memory, with the DynamoDB store's contract: one review per submission, one request
 * per key and one pending request per (task, unit), one decision per request, one instruction per key, one review
 * request per key; a taken place is reported with what holds it, never judged. Times are kept to the millisecond.
 */
public final class InMemorySupervisionRepository
        implements ReviewRepository, ExtensionRepository, InstructionRepository, SupervisionRecords {

    private final Map<String, Review> reviews = new LinkedHashMap<>();
    private final Map<String, Review> reviewKeys = new LinkedHashMap<>();
    private final Map<String, Extension> extensions = new LinkedHashMap<>();
    private final Map<String, Instruction> instructions = new LinkedHashMap<>();
    private final Set<String> read = new HashSet<>();
    private final Map<String, Set<String>> waitingFor = new LinkedHashMap<>();
    int writes;

    /** Key claims are idempotency records, not supervision records: they do not count as {@link #writes}. */
    @Override
    public synchronized Write<Review> claimReviewKey(Review review) {
        String key = review.planYear() + "/" + review.taskId() + "/" + review.idempotencyKey();
        Review taken = reviewKeys.putIfAbsent(key, review);
        return taken == null ? new Write.Stored<>(review) : new Write.Taken<>(taken);
    }

    @Override
    public synchronized Write<Review> review(Review review) {
        String key = review.planYear() + "/" + review.taskId() + "/" + review.unitId() + "/" + review.submissionKey();
        Review taken = reviews.get(key);
        if (taken != null) {
            return new Write.Taken<>(taken);
        }
        Review stored = new Review(review.planYear(), review.taskId(), review.unitId(), review.submissionKey(),
                review.decision(), review.reason(), review.idempotencyKey(), millis(review.reviewedAt()));
        reviews.put(key, stored);
        writes++;
        return new Write.Stored<>(stored);
    }

    @Override
    public synchronized Write<Extension> requestExtension(Extension request) {
        Extension taken = extensions.get(key(request));
        if (taken != null) {
            return new Write.Taken<>(taken);
        }
        Optional<Extension> pending = extensions.values().stream()
                .filter(e -> e.planYear() == request.planYear() && e.taskId().equals(request.taskId())
                        && e.unitId().equals(request.unitId()) && e.pending())
                .findFirst();
        if (pending.isPresent()) {
            return new Write.Taken<>(pending.get());
        }
        Extension stored = new Extension(request.planYear(), request.taskId(), request.unitId(), request.key(),
                request.planDeadline(), request.requestedDate(), request.reason(), millis(request.requestedAt()),
                null, null, null, null);
        extensions.put(key(request), stored);
        writes++;
        return new Write.Stored<>(stored);
    }

    @Override
    public synchronized Write<Extension> decideExtension(Extension decided) {
        Extension stored = extensions.get(key(decided));
        if (!stored.pending()) {
            return new Write.Taken<>(stored);
        }
        Extension now = stored.decided(decided.decision(), decided.grantedDate(), decided.note(),
                millis(decided.decidedAt()));
        extensions.put(key(decided), now);
        writes++;
        return new Write.Stored<>(now);
    }

    @Override
    public synchronized Optional<Extension> extension(int year, String taskId, String unitId, String key) {
        return Optional.ofNullable(extensions.get(year + "/" + taskId + "/" + unitId + "/" + key));
    }

    @Override
    public synchronized Optional<ReviewRecord> findReview(int year, String taskId, String unitId, String submissionKey) {
        return Optional.ofNullable(reviews.get(year + "/" + taskId + "/" + unitId + "/" + submissionKey))
                .map(r -> new ReviewRecord(r, null));
    }

    @Override
    public void markNotified(Review review, String messageId, Instant at) {
        throw new UnsupportedOperationException("not used by Supervise");
    }

    @Override
    public synchronized Write<Instruction> instruct(Instruction instruction, Set<String> addressees) {
        String key = instruction.planYear() + "/" + instruction.taskId() + "/" + instruction.key();
        Instruction taken = instructions.get(key);
        if (taken != null) {
            return new Write.Taken<>(taken);
        }
        Instruction stored = new Instruction(instruction.planYear(), instruction.taskId(), instruction.unitId(),
                instruction.key(), instruction.text(), millis(instruction.issuedAt()));
        instructions.put(key, stored);
        waitingFor.put(key, new HashSet<>(addressees));
        writes++;
        return new Write.Stored<>(stored);
    }

    @Override
    public synchronized Optional<Instruction> instruction(int year, String taskId, String key) {
        return Optional.ofNullable(instructions.get(year + "/" + taskId + "/" + key));
    }

    @Override
    public synchronized void markRead(int year, String taskId, String unitId, Collection<String> keys, Instant at) {
        keys.forEach(k -> read.add(year + "/" + taskId + "/" + unitId + "#" + k));
        keys.forEach(k -> waitingFor.getOrDefault(year + "/" + taskId + "/" + k, new HashSet<>()).remove(unitId));
    }

    @Override
    public synchronized Waiting waiting(int year) {
        String prefix = year + "/";
        List<Extension> pending = extensions.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && e.getValue().pending()).map(Map.Entry::getValue).toList();
        List<Waiting.UnreadInstruction> unread = instructions.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && !waitingFor.get(e.getKey()).isEmpty())
                .map(e -> new Waiting.UnreadInstruction(e.getValue(), waitingFor.get(e.getKey()))).toList();
        return new Waiting(pending, unread);
    }

    @Override
    public synchronized TaskSupervision ofTask(int year, String taskId) {
        String prefix = year + "/" + taskId + "/";
        Map<String, Review> byReport = new LinkedHashMap<>();
        reviews.forEach((k, r) -> {
            if (k.startsWith(prefix)) {
                byReport.put(r.unitId() + "#" + r.submissionKey(), r);
            }
        });
        List<Extension> ext = new ArrayList<>(extensions.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue).toList());
        List<Instruction> ins = instructions.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue).toList();
        Set<String> readHere = new HashSet<>();
        read.stream().filter(k -> k.startsWith(prefix)).forEach(k -> readHere.add(k.substring(prefix.length())));
        return new TaskSupervision(taskId, byReport, ext, ins, readHere);
    }

    private static String key(Extension e) {
        return e.planYear() + "/" + e.taskId() + "/" + e.unitId() + "/" + e.key();
    }

    private static Instant millis(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS);
    }
}
