package cn.lyg.xilian.core.supervision;

import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.mail.ContactDirectory;
import cn.lyg.xilian.core.mail.MailTransport;
import cn.lyg.xilian.core.mail.OutgoingEmail;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Emails a unit about a new instruction (督办意见) on its task and about the decision on its extension request, once
 * each: a mark per notice ({@link NoticeMarks}) records the delivery and a run for a notice already delivered sends
 * nothing. Driven like {@link NotifyReturned}: the table's stream in AWS (the instruction's INSERT, the extension's
 * MODIFY), the local application's listener locally. At-least-once: a crash between the send and the mark sends
 * again. An instruction to every unit of a task is one email per unit (no unit sees another's addresses).
 */
public class NotifySupervision {

    /** What happened; {@code SENT} is the only outcome that emailed (at least one unit). */
    public enum Result { SENT, ALREADY_SENT, NOT_DECIDED, NO_CONTACT, UNKNOWN }

    private final InstructionRepository instructions;
    private final ExtensionRepository extensions;
    private final NoticeMarks marks;
    private final ContactDirectory contacts;
    private final SupervisionMailRenderer renderer;
    private final MailTransport transport;
    private final Clock clock;

    public NotifySupervision(InstructionRepository instructions, ExtensionRepository extensions, NoticeMarks marks,
                             ContactDirectory contacts, SupervisionMailRenderer renderer, MailTransport transport,
                             Clock clock) {
        this.instructions = instructions;
        this.extensions = extensions;
        this.marks = marks;
        this.contacts = contacts;
        this.renderer = renderer;
        this.transport = transport;
        this.clock = clock;
    }

    /** Throws {@code MailDeliveryException} when the mail system refused one (that unit stays unnotified). */
    public Result instructed(Plan plan, String taskId, String instructionKey) {
        Optional<PlanTask> task = plan.task(taskId);
        Optional<Instruction> found = instructions.instruction(plan.year(), taskId, instructionKey);
        if (task.isEmpty() || found.isEmpty()) {
            return Result.UNKNOWN;
        }
        Instruction instruction = found.get();
        List<String> units = instruction.unitId() != null ? List.of(instruction.unitId()) : task.get().unitIds();
        Result result = Result.NO_CONTACT;
        for (String unit : units) {
            Result one = send(plan, taskId, new SupervisionNotice.Instructed(instruction, unit, task.get().title(),
                    unitName(plan, unit), contacts.unitContacts(unit)));
            result = one == Result.SENT || result == Result.SENT ? Result.SENT
                    : one == Result.ALREADY_SENT ? Result.ALREADY_SENT : result;
        }
        return result;
    }

    /** Throws {@code MailDeliveryException} when the mail system refused it (the decision stays unnotified). */
    public Result extensionDecided(Plan plan, String taskId, String unitId, String requestKey) {
        Optional<PlanTask> task = plan.task(taskId);
        Optional<Extension> found = extensions.extension(plan.year(), taskId, unitId, requestKey);
        if (task.isEmpty() || found.isEmpty()) {
            return Result.UNKNOWN;
        }
        if (found.get().pending()) {
            return Result.NOT_DECIDED;
        }
        return send(plan, taskId, new SupervisionNotice.Decided(found.get(), task.get().title(), unitName(plan, unitId),
                contacts.unitContacts(unitId)));
    }

    private Result send(Plan plan, String taskId, SupervisionNotice notice) {
        if (marks.notified(plan.year(), taskId, notice.noticeId())) {
            return Result.ALREADY_SENT;
        }
        if (notice.to().isEmpty()) {
            return Result.NO_CONTACT;
        }
        OutgoingEmail email = renderer.render(notice);
        transport.send(email);
        marks.markNotified(plan.year(), taskId, notice.noticeId(), email.messageId(), clock.instant());
        return Result.SENT;
    }

    private static String unitName(Plan plan, String unitId) {
        return plan.unit(unitId).map(Unit::name).orElse(unitId);
    }
}
