package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.alert.AlertRules;
import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.alert.Evaluation;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.core.mail.ContactDirectory;
import cn.lyg.xilian.core.report.DigestRepository;
import cn.lyg.xilian.core.report.LedgerWriter;
import cn.lyg.xilian.core.mail.MailTransport;
import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.report.SummaryMailRenderer;
import cn.lyg.xilian.core.report.SummaryMailRenderer.Attachment;
import cn.lyg.xilian.core.report.SummaryMailRenderer.Envelope;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The weekly summary use case: build the summary of the previous ISO week → for each recipient (the
 * coordinators, and each unit with a non-empty digest) claim a delivery record (create-if-absent,
 * pending) → skip it if already sent → render → send → mark sent.
 *
 * <h2>Exactly once per week</h2>
 * Any day of week N addresses week N−1 ({@link ReportWeek#previousOf}), and everything is computed as
 * of that week's Sunday, from the state at the week's end ({@link StatesAsOf}: reports made since are
 * left out), so the job may run on Monday 09:00 and again on any later day (a daily retry
 * schedule is the intended setup): recipients already served are skipped, a failed send — its record
 * left pending — is retried with the same Message-ID.
 *
 * <h2>Re-sending a week (admin)</h2>
 * {@link #resend} reopens the week's sent records (generation + 1, so a new Message-ID) and sends
 * again. It is the only way to send a week twice; the scheduled path never passes it.
 */
public final class SendWeeklySummary {

    public static final String COORDINATORS_RECIPIENT = Audience.COORDINATORS.key();

    private final CatalogRepository catalog;
    private final ProgressRepository progress;
    private final DigestRepository digests;
    private final ContactDirectory contacts;
    private final SummaryMailRenderer renderer;
    private final MailTransport transport;
    private final LedgerWriter xlsx;
    private final AlertRules rules;
    private final String messageIdDomain;
    private final Clock clock;
    /** Null: no supervision sections (unreviewed reports, instructions). */
    private final cn.lyg.xilian.core.supervision.SupervisionRecords supervision;
    private final int unreviewedWorkingDays;
    private final ExpiringLinks expiringLinks;
    /** Null: the coordinators' mail carries the ledger only. */
    private final WeeklyBulletin bulletin;
    private final SummaryChat chat;

    /**
     * @param xlsx            writes the attachment
     * @param messageIdDomain the right-hand side of Message-IDs, e.g. "xilian.lyg.example"
     */
    public SendWeeklySummary(CatalogRepository catalog, ProgressRepository progress, DigestRepository digests,
                             ContactDirectory contacts, SummaryMailRenderer renderer, MailTransport transport,
                             LedgerWriter xlsx, AlertRules rules, String messageIdDomain, Clock clock) {
        this(catalog, progress, digests, contacts, renderer, transport, xlsx, rules, messageIdDomain, clock, null, 0);
    }

    /**
     * @param supervision           reads each task's instructions for the units' digests
     * @param unreviewedWorkingDays reports unreviewed for this many working days are listed for the coordinators
     */
    public SendWeeklySummary(CatalogRepository catalog, ProgressRepository progress, DigestRepository digests,
                             ContactDirectory contacts, SummaryMailRenderer renderer, MailTransport transport,
                             LedgerWriter xlsx, AlertRules rules, String messageIdDomain, Clock clock,
                             cn.lyg.xilian.core.supervision.SupervisionRecords supervision, int unreviewedWorkingDays) {
        this(catalog, progress, digests, contacts, renderer, transport, xlsx, rules, messageIdDomain, clock,
                supervision, unreviewedWorkingDays, ExpiringLinks.NONE, null);
    }

    /** @param expiringLinks sign-in links ending soon, listed for the coordinators as of the run */
    public SendWeeklySummary(CatalogRepository catalog, ProgressRepository progress, DigestRepository digests,
                             ContactDirectory contacts, SummaryMailRenderer renderer, MailTransport transport,
                             LedgerWriter xlsx, AlertRules rules, String messageIdDomain, Clock clock,
                             cn.lyg.xilian.core.supervision.SupervisionRecords supervision, int unreviewedWorkingDays,
                             ExpiringLinks expiringLinks) {
        this(catalog, progress, digests, contacts, renderer, transport, xlsx, rules, messageIdDomain, clock,
                supervision, unreviewedWorkingDays, expiringLinks, null);
    }

    /**
     * @param expiringLinks sign-in links ending soon, listed for the coordinators as of the run
     * @param bulletin      the 情况通报 attached to the coordinators' mail beside the ledger; null for none
     */
    public SendWeeklySummary(CatalogRepository catalog, ProgressRepository progress, DigestRepository digests,
                             ContactDirectory contacts, SummaryMailRenderer renderer, MailTransport transport,
                             LedgerWriter xlsx, AlertRules rules, String messageIdDomain, Clock clock,
                             cn.lyg.xilian.core.supervision.SupervisionRecords supervision, int unreviewedWorkingDays,
                             ExpiringLinks expiringLinks, WeeklyBulletin bulletin) {
        this(catalog, progress, digests, contacts, renderer, transport, xlsx, rules, messageIdDomain, clock,
                supervision, unreviewedWorkingDays, expiringLinks, bulletin, SummaryChat.NONE);
    }

    /**
     * @param chat the group robots: each recipient's robot gets a short message beside the mail, once per week, on
     *             the digest record's own chat state ({@link DigestRecord#chatSentAt()})
     */
    public SendWeeklySummary(CatalogRepository catalog, ProgressRepository progress, DigestRepository digests,
                             ContactDirectory contacts, SummaryMailRenderer renderer, MailTransport transport,
                             LedgerWriter xlsx, AlertRules rules, String messageIdDomain, Clock clock,
                             cn.lyg.xilian.core.supervision.SupervisionRecords supervision, int unreviewedWorkingDays,
                             ExpiringLinks expiringLinks, WeeklyBulletin bulletin, SummaryChat chat) {
        this.chat = chat;
        this.expiringLinks = expiringLinks;
        this.bulletin = bulletin;
        this.supervision = supervision;
        this.unreviewedWorkingDays = unreviewedWorkingDays;
        this.catalog = catalog;
        this.progress = progress;
        this.digests = digests;
        this.contacts = contacts;
        this.renderer = renderer;
        this.transport = transport;
        this.xlsx = xlsx;
        this.rules = rules;
        this.messageIdDomain = messageIdDomain;
        this.clock = clock;
    }

    /** The scheduled run: the week before today (Asia/Shanghai). */
    public SummaryRunReport run(int planYear) {
        return run(planYear, LocalDate.now(clock.withZone(PlanTime.ZONE)));
    }

    /** Sends the summary of the week before {@code today} to every recipient not yet served. */
    public SummaryRunReport run(int planYear, LocalDate today) {
        return send(planYear, ReportWeek.previousOf(today), 0, today);
    }

    /** Admin action: send the given week again to every recipient, including those already served. */
    public SummaryRunReport resend(int planYear, ReportWeek week) {
        int reopened = digests.reopen(planYear, week);
        return send(planYear, week, reopened, LocalDate.now(clock.withZone(PlanTime.ZONE)));
    }

    /** Builds the week's summary without sending anything (preview, board): {@link WeekSummaries}. */
    public WeeklySummary summaryOf(int planYear, ReportWeek week) {
        Plan plan = catalog.plan(planYear).orElseThrow(() -> new IllegalStateException("no plan for " + planYear));
        return new WeekSummaries(progress, digests, rules, clock, supervision, unreviewedWorkingDays)
                .summaryOf(plan, week);
    }

    /** @param today the day of the run: a missing holiday calendar is announced as of then, not as of the week */
    private SummaryRunReport send(int planYear, ReportWeek week, int reopened, LocalDate today) {
        WeeklySummary summary = summaryOf(planYear, week)
                .withMissingCalendar(rules.calendars().missing(today).orElse(null))
                .withExpiringLinks(expiringLinks.asOf(clock.instant()));
        // Fixed by the first run of the week, so next week's changes are measured from one picture.
        digests.saveSnapshotIfAbsent(planYear, week, summary.endOfWeekStatuses());

        Delivery delivery = new Delivery(planYear, week);
        delivery.deliver(Audience.COORDINATORS, contacts.coordinators(),
                envelope -> renderer.coordinatorsSummary(summary, envelope), summary.ledger(), summary,
                () -> chat.postSummary(summary));
        for (UnitDigest digest : summary.unitDigests()) {
            delivery.deliver(Audience.unit(digest.unitId()), contacts.unitContacts(digest.unitId()),
                    envelope -> renderer.unitDigest(digest, envelope), summary.ledger().forUnit(digest.unitId()), null,
                    () -> chat.postDigest(digest));
        }
        return new SummaryRunReport(week, delivery.sent, delivery.alreadySent, delivery.failed,
                delivery.withoutAddress, reopened, delivery.chat);
    }

    /** One run's deliveries; collects the outcome per recipient. */
    private final class Delivery {
        private final int planYear;
        private final ReportWeek week;
        private final List<String> sent = new ArrayList<>();
        private final List<String> alreadySent = new ArrayList<>();
        private final List<SummaryRunReport.Failure> failed = new ArrayList<>();
        private final List<String> withoutAddress = new ArrayList<>();
        private final List<cn.lyg.xilian.core.chat.outcome.ChatOutcome> chat = new ArrayList<>();

        Delivery(int planYear, ReportWeek week) {
            this.planYear = planYear;
            this.week = week;
        }

        /**
         * Email, then the group robot, each on its own state of the one record: a failure of either leaves only its
         * own channel pending.
         *
         * @param withBulletin the summary whose 情况通报 is attached too (the coordinators'); null for none
         */
        void deliver(Audience audience, List<String> to, Function<Envelope, OutgoingEmail> render, Ledger ledger,
                     WeeklySummary withBulletin,
                     java.util.function.Supplier<cn.lyg.xilian.core.chat.outcome.ChatOutcome> postToChat) {
            String recipientId = audience.key();
            boolean robot = SendWeeklySummary.this.chat.hasRobot(audience);
            if (to.isEmpty()) {
                withoutAddress.add(recipientId);
                if (!robot) {
                    return; // no record, as before: adding an address and running again sends the mail
                }
            }
            DigestRecord record = digests.claim(planYear, week, recipientId, clock.instant());
            if (!to.isEmpty()) {
                if (record.sent()) {
                    alreadySent.add(recipientId);
                } else {
                    email(recipientId, to, render, ledger, withBulletin, record);
                }
            }
            if (robot && !record.chatSent()) {
                var outcome = postToChat.get();
                if (outcome.sent()) {
                    digests.markChatSent(planYear, week, recipientId, clock.instant());
                }
                chat.add(outcome);
            }
        }

        private void email(String recipientId, List<String> to, Function<Envelope, OutgoingEmail> render,
                           Ledger ledger, WeeklySummary withBulletin, DigestRecord record) {
            try {
                Attachment attachment = new Attachment(ledger.fileBaseName() + "." + xlsx.extension(),
                        xlsx.contentType(), xlsx.write(ledger));
                List<Attachment> more = bulletin == null || withBulletin == null ? List.of()
                        : List.of(new Attachment(bulletin.fileName(withBulletin), bulletin.contentType(),
                        bulletin.write(withBulletin)));
                OutgoingEmail email = render.apply(new Envelope(to, messageId(recipientId, record.generation()),
                        attachment, more));
                transport.send(email);
                digests.markSent(planYear, week, recipientId, email.messageId(), clock.instant());
                sent.add(recipientId);
            } catch (RuntimeException e) {
                // Any failure (transport, or a rendering bug) leaves the record pending for the next run
                // and must not stop the other recipients.
                failed.add(new SummaryRunReport.Failure(recipientId, String.valueOf(e)));
            }
        }

        /** "weekly-2026-W47-unit.ganyu-g0@domain": the same for a retry, new for an admin re-send. */
        private String messageId(String recipientId, int generation) {
            String local = ("weekly-" + week.id() + "-" + recipientId + "-g" + generation).replaceAll("[^A-Za-z0-9._-]", ".");
            return local + "@" + messageIdDomain;
        }
    }
}
