package cn.lyg.xilian.core.supervision;

import cn.lyg.xilian.core.progress.Review;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything supervision knows about one task, read in one go: reviews by submission, extension requests
 * (newest first), instructions (newest first) and who has read which instruction.
 *
 * @param reviews  by {@code unitId + "#" + submissionKey}
 * @param readKeys {@code unitId + "#" + instructionKey} of every instruction a unit has opened
 */
public record TaskSupervision(String taskId, Map<String, Review> reviews, List<Extension> extensions,
                              List<Instruction> instructions, Set<String> readKeys,
                              List<cn.lyg.xilian.core.evidence.EvidenceFile> files) {

    public TaskSupervision(String taskId, Map<String, Review> reviews, List<Extension> extensions,
                           List<Instruction> instructions, Set<String> readKeys) {
        this(taskId, reviews, extensions, instructions, readKeys, List.of());
    }

    /** The evidence files of one report, in upload order. */
    public List<cn.lyg.xilian.core.evidence.EvidenceFile> filesOf(String unitId, String reportKey) {
        return files.stream().filter(f -> f.unitId().equals(unitId) && f.reportKey().equals(reportKey)).toList();
    }

    public TaskSupervision {
        files = files.stream().sorted(Comparator.comparing(cn.lyg.xilian.core.evidence.EvidenceFile::uploadedAt)
                .thenComparing(cn.lyg.xilian.core.evidence.EvidenceFile::fileId)).toList();
        reviews = Map.copyOf(reviews);
        extensions = extensions.stream().sorted(Comparator.comparing(Extension::requestedAt).reversed()).toList();
        instructions = instructions.stream().sorted(Comparator.comparing(Instruction::issuedAt).reversed()).toList();
        readKeys = Set.copyOf(readKeys);
    }

    public static TaskSupervision empty(String taskId) {
        return new TaskSupervision(taskId, Map.of(), List.of(), List.of(), Set.of());
    }

    public Optional<Review> reviewOf(String unitId, String submissionKey) {
        return Optional.ofNullable(reviews.get(unitId + "#" + submissionKey));
    }

    public Optional<Extension> pending(String unitId) {
        return extensions.stream().filter(e -> e.unitId().equals(unitId) && e.pending()).findFirst();
    }

    public List<Extension> extensionsOf(String unitId) {
        return extensions.stream().filter(e -> e.unitId().equals(unitId)).toList();
    }

    public List<Instruction> instructionsFor(String unitId) {
        return instructions.stream().filter(i -> i.addressedTo(unitId)).toList();
    }

    public boolean read(String unitId, Instruction instruction) {
        return readKeys.contains(unitId + "#" + instruction.key());
    }

    /** Instructions to a unit issued in [from, to): what its weekly digest carries. */
    public List<Instruction> instructionsFor(String unitId, Instant from, Instant to) {
        return instructionsFor(unitId).stream()
                .filter(i -> !i.issuedAt().isBefore(from) && i.issuedAt().isBefore(to)).toList();
    }
}
