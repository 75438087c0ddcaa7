package cn.lyg.xilian.core.evidence;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Tokens;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.supervision.SupervisionRepository;
import cn.lyg.xilian.core.progress.FieldError;
import cn.lyg.xilian.core.supervision.Outcome;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Attaches evidence files to one of the unit's reports and serves them back to those who may read the task.
 * Every file is checked before the first is stored; a file is stored, then recorded; a failed record removes the
 * file again, and {@link #cleanUp} removes files whose record never came (a crash in between).
 */
public class AttachEvidence {

    private final EvidenceStore store;
    private final SupervisionRepository records;
    private final ProgressRepository progress;
    private final Clock clock;

    public AttachEvidence(EvidenceStore store, SupervisionRepository records, ProgressRepository progress, Clock clock) {
        this.store = store;
        this.records = records;
        this.progress = progress;
        this.clock = clock;
    }

    public Outcome<List<EvidenceFile>> attach(Plan plan, Principal who, String taskId, String reportKey,
                                              List<EvidenceRules.Upload> uploads) {
        Optional<PlanTask> task = plan.task(taskId);
        if (task.isEmpty()) {
            return new Outcome.NotFound<>("UNKNOWN_TASK", "计划中没有编号为“" + taskId + "”的任务");
        }
        if (!who.mayReport(task.get())) {
            return new Outcome.Forbidden<>("NOT_RESPONSIBLE", "只有任务的责任单位可以上传佐证材料");
        }
        String unitId = who.unitId();
        if (progress.find(plan.year(), taskId, unitId, reportKey).isEmpty()) {
            return new Outcome.NotFound<>("SUBMISSION_NOT_FOUND", "未找到该填报记录");
        }
        List<EvidenceFile> existing = records.files(plan.year(), taskId, unitId, reportKey);
        List<EvidenceRules.Checked> checked = new ArrayList<>();
        List<FieldError> errors = EvidenceRules.check(uploads, existing.size(), checked);
        if (!errors.isEmpty()) {
            return new Outcome.Invalid<>(errors);
        }
        List<EvidenceFile> stored = new ArrayList<>();
        for (EvidenceRules.Checked c : checked) {
            String fileId = Tokens.newToken().substring(0, 16).replaceAll("[^A-Za-z0-9]", "x");
            String key = EvidenceRules.storageKey(plan.year(), taskId, unitId, reportKey, fileId, c.type());
            EvidenceFile file = new EvidenceFile(plan.year(), taskId, unitId, reportKey, fileId, c.displayName(),
                    c.type(), c.content().length, key, clock.instant());
            store.put(key, c.content(), c.type().contentType());
            try {
                records.recordFile(file);
            } catch (RuntimeException e) {
                store.delete(key); // nothing half-written
                throw e;
            }
            stored.add(file);
        }
        return new Outcome.Done<>(stored, false);
    }

    /** A file's record and bytes, for a coordinator or the unit that uploaded it. */
    public Optional<Download> download(Plan plan, Principal who, String taskId, String unitId, String reportKey,
                                       String fileId) {
        Optional<PlanTask> task = plan.task(taskId);
        if (task.isEmpty() || !who.maySee(task.get()) || (!who.coordinator() && !unitId.equals(who.unitId()))) {
            return Optional.empty();
        }
        return records.files(plan.year(), taskId, unitId, reportKey).stream()
                .filter(f -> f.fileId().equals(fileId)).findFirst()
                .flatMap(f -> store.downloadUrl(f.storageKey(), f.displayName(), LINK_TTL)
                        .map(link -> Optional.of(new Download(f, null, link)))
                        .orElseGet(() -> store.get(f.storageKey()).map(bytes -> new Download(f, bytes, null))));
    }

    /** Either a signed link to the store ({@code link}) or the bytes themselves ({@code content}). */
    public record Download(EvidenceFile file, byte[] content, java.net.URI link) {
    }

    /** How long a signed download link lives. */
    public static final java.time.Duration LINK_TTL = java.time.Duration.ofMinutes(5);

    /** Deletes the stored files of a report that have no record (an upload never attached). Returns how many. */
    public int cleanUp(int year, String taskId, String unitId, String reportKey) {
        Set<String> recorded = records.files(year, taskId, unitId, reportKey).stream()
                .map(EvidenceFile::storageKey).collect(Collectors.toSet());
        int removed = 0;
        for (String key : store.list(EvidenceRules.reportPrefix(year, taskId, unitId, reportKey))) {
            if (!recorded.contains(key)) {
                store.delete(key);
                removed++;
            }
        }
        return removed;
    }
}
