package cn.lyg.xilian.core.supervision;

import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.mail.ContactDirectory;
import cn.lyg.xilian.core.mail.MailTransport;
import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.supervision.ReturnMailRenderer;
import cn.lyg.xilian.core.progress.Submission;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Emails a unit whose report was sent back (退回), once: the review item records the delivery, and a run for a
 * review already delivered sends nothing. Driven by the table's stream in AWS (the review item's INSERT) and by
 * the local application's listener locally. At-least-once: a crash between the send and the mark sends again.
 */
public class NotifyReturned {

    /** What happened; {@code SENT} is the only outcome that emailed. */
    public enum Result { SENT, ALREADY_SENT, NOT_RETURNED, NO_CONTACT, UNKNOWN }

    private final ReviewRepository reviews;
    private final ProgressRepository progress;
    private final ContactDirectory contacts;
    private final ReturnMailRenderer renderer;
    private final MailTransport transport;
    private final Clock clock;

    public NotifyReturned(ReviewRepository reviews, ProgressRepository progress, ContactDirectory contacts,
                          ReturnMailRenderer renderer, MailTransport transport, Clock clock) {
        this.reviews = reviews;
        this.progress = progress;
        this.contacts = contacts;
        this.renderer = renderer;
        this.transport = transport;
        this.clock = clock;
    }

    /** Throws {@code MailDeliveryException} when the mail system refused it (the review stays undelivered). */
    public Result notify(Plan plan, String taskId, String unitId, String submissionKey) {
        Optional<ReviewRepository.ReviewRecord> found = reviews.findReview(plan.year(), taskId, unitId,
                submissionKey);
        Optional<PlanTask> task = plan.task(taskId);
        Optional<Submission> submission = progress.find(plan.year(), taskId, unitId, submissionKey);
        if (found.isEmpty() || task.isEmpty() || submission.isEmpty()) {
            return Result.UNKNOWN;
        }
        ReviewRepository.ReviewRecord record = found.get();
        if (!record.review().returned()) {
            return Result.NOT_RETURNED;
        }
        if (record.notifiedAt() != null) {
            return Result.ALREADY_SENT;
        }
        List<String> to = contacts.unitContacts(unitId);
        if (to.isEmpty()) {
            return Result.NO_CONTACT;
        }
        ReturnNotice notice = new ReturnNotice(record.review(), submission.get(), task.get().title(),
                plan.unit(unitId).map(Unit::name).orElse(unitId), to);
        OutgoingEmail email = renderer.render(notice);
        transport.send(email);
        reviews.markNotified(record.review(), email.messageId(), clock.instant());
        return Result.SENT;
    }
}
