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
    private final NoticeMarks chatMarks;
    private final ReturnChat chat;

    public NotifyReturned(ReviewRepository reviews, ProgressRepository progress, ContactDirectory contacts,
                          ReturnMailRenderer renderer, MailTransport transport, Clock clock) {
        this(reviews, progress, contacts, renderer, transport, clock, null, ReturnChat.NONE);
    }

    /**
     * @param chatMarks where the group-chat message's delivery is recorded (a mark {@code chat-<noticeId>} beside the
     *                  task's supervision marks), so a stream retry posts it once
     * @param chat      the unit's group robot, beside the email
     */
    public NotifyReturned(ReviewRepository reviews, ProgressRepository progress, ContactDirectory contacts,
                          ReturnMailRenderer renderer, MailTransport transport, Clock clock, NoticeMarks chatMarks,
                          ReturnChat chat) {
        this.chatMarks = chatMarks;
        this.chat = chat;
        this.reviews = reviews;
        this.progress = progress;
        this.contacts = contacts;
        this.renderer = renderer;
        this.transport = transport;
        this.clock = clock;
    }

    /**
     * What a 退回 did on each channel.
     *
     * @param chat null when no group-chat message was due (not returned, already posted, or the unit has no robot)
     */
    public record Outcome(Result email, cn.lyg.xilian.core.chat.outcome.@org.jspecify.annotations.Nullable ChatOutcome chat) {
    }

    /**
     * Email and group chat, each once. The chat message is posted even when the email fails; then the email's
     * exception is thrown all the same (the stream retries it; the chat mark keeps the retry from posting twice). A
     * chat failure is reported in the outcome and never thrown: it must not make the stream retry, nor hold up the
     * shard's other records.
     */
    public Outcome notifyAll(Plan plan, String taskId, String unitId, String submissionKey) {
        Result email;
        try {
            email = notify(plan, taskId, unitId, submissionKey);
        } catch (RuntimeException mailFailed) {
            postToChat(plan, taskId, unitId, submissionKey);
            throw mailFailed;
        }
        return new Outcome(email, postToChat(plan, taskId, unitId, submissionKey));
    }

    private cn.lyg.xilian.core.chat.outcome.ChatOutcome postToChat(Plan plan, String taskId, String unitId,
                                                           String submissionKey) {
        if (chatMarks == null || !chat.unitHasRobot(unitId)) {
            return null;
        }
        Optional<ReviewRepository.ReviewRecord> found = reviews.findReview(plan.year(), taskId, unitId, submissionKey);
        Optional<PlanTask> task = plan.task(taskId);
        Optional<Submission> submission = progress.find(plan.year(), taskId, unitId, submissionKey);
        if (found.isEmpty() || task.isEmpty() || submission.isEmpty() || !found.get().review().returned()) {
            return null;
        }
        ReturnNotice notice = new ReturnNotice(found.get().review(), submission.get(), task.get().title(),
                plan.unit(unitId).map(Unit::name).orElse(unitId), List.of());
        String markId = "chat-" + notice.noticeId();
        if (chatMarks.notified(plan.year(), taskId, markId)) {
            return null;
        }
        var outcome = chat.post(notice);
        if (outcome.sent()) {
            chatMarks.markNotified(plan.year(), taskId, markId, markId, clock.instant());
        }
        return outcome;
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
