package cn.lyg.xilian.core.supervision;

/**
 * The read side of supervision: a task's whole record (reviews, extension requests, instructions, read marks and
 * the evidence files of its reports) in one read, for the task page and the weekly digests. The writes go through
 * each aggregate's own repository ({@link ReviewRepository}, {@link ExtensionRepository},
 * {@link InstructionRepository}, evidence's {@code EvidenceRepository}).
 */
public interface SupervisionRecords {

    /** One query: the task's whole supervision record. */
    TaskSupervision ofTask(int year, String taskId);

    /** One query of the year's waiting index: pending extension requests and instructions not read by everyone. */
    Waiting waiting(int year);
}
