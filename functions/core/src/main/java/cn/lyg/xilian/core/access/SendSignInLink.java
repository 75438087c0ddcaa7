package cn.lyg.xilian.core.access;

import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.mail.ContactDirectory;
import cn.lyg.xilian.core.mail.MailTransport;
import cn.lyg.xilian.core.mail.OutgoingEmail;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * "把登录链接发到本单位邮箱", the mail path's half (driven by the request's stream record, like the 退回 notice): finds
 * the unit the request names — by id, or by one of its registered addresses — issues a new credential for it and
 * emails the link to the unit's registered addresses only, whatever address was typed. The unit's other credentials
 * are untouched: an older link keeps working until it expires. Each request is handled once (its mark); a crash
 * between the send and the mark sends a second, equally valid link. At most {@value #PER_UNIT_PER_HOUR} links per
 * unit and clock hour, however they were asked for.
 *
 * <p>A request may also name a coordinator account (an account id, sent from 单位与账号管理): a
 * coordinator's link, issued to that account, goes to the account's address only. Every link sent is on the audit
 * trail (发送登录链接: by the coordinator who sent it, else by the unit or coordinator who asked), and a unit's
 * profile records when and to whom.
 */
public class SendSignInLink {

    public static final int PER_UNIT_PER_HOUR = 3;
    /** An emailed link lasts 30 days: long enough to keep as the unit's bookmark, short for a link sent by mail. */
    public static final Duration VALID_FOR = Duration.ofDays(30);

    /** What happened; {@code SENT} is the only outcome that emailed. */
    public enum Result { SENT, ALREADY_HANDLED, NO_MATCH, NO_CONTACT, LIMITED, UNKNOWN }

    private final LinkRequestRepository requests;
    private final Credentials credentials;
    private final ContactDirectory contacts;
    private final RateCounter counter;
    private final SignInLinkMailRenderer renderer;
    private final MailTransport transport;
    private final Clock clock;
    private final LinkDirectory directory;

    /** Without the directory: units of the plan only, no coordinator links, nothing on record. */
    public SendSignInLink(LinkRequestRepository requests, Credentials credentials, ContactDirectory contacts,
                          RateCounter counter, SignInLinkMailRenderer renderer, MailTransport transport, Clock clock) {
        this(requests, credentials, contacts, counter, renderer, transport, clock, LinkDirectory.NONE);
    }

    /**
     * @param directory coordinator accounts, units registered since the plan was loaded, and the record of a link
     *                  sent
     */
    public SendSignInLink(LinkRequestRepository requests, Credentials credentials, ContactDirectory contacts,
                          RateCounter counter, SignInLinkMailRenderer renderer, MailTransport transport, Clock clock,
                          LinkDirectory directory) {
        this.directory = directory;
        this.requests = requests;
        this.credentials = credentials;
        this.contacts = contacts;
        this.counter = counter;
        this.renderer = renderer;
        this.transport = transport;
        this.clock = clock;
    }

    /** Throws {@code MailDeliveryException} when the mail system refused it (the request stays unhandled). */
    public Result send(Plan plan, String requestId) {
        Optional<LinkRequestRepository.Stored> stored = requests.find(requestId);
        if (stored.isEmpty()) {
            return Result.UNKNOWN;
        }
        if (stored.get().handled()) {
            return Result.ALREADY_HANDLED;
        }
        LinkRequest request = stored.get().request();
        Optional<LinkDirectory.Coordinator> coordinator = directory.coordinator(request.entered());
        if (coordinator.isPresent()) {
            return sendToCoordinator(requestId, request, coordinator.get());
        }
        Optional<Unit> unit = unitOf(plan, request.entered());
        if (unit.isEmpty()) {
            return handled(requestId, Result.NO_MATCH);
        }
        var to = contacts.unitContacts(unit.get().id());
        if (to.isEmpty()) {
            return handled(requestId, Result.NO_CONTACT);
        }
        if (counter.increment("signin-unit:" + unit.get().id(), clock.instant().truncatedTo(ChronoUnit.HOURS))
                > PER_UNIT_PER_HOUR) {
            return handled(requestId, Result.LIMITED);
        }
        Credentials.Issued issued = credentials.issue(Role.UNIT, unit.get().id(), VALID_FOR);
        OutgoingEmail email = renderer.render(new SignInLinkNotice(requestId, unit.get().name(), issued.token(),
                request.returnPath(), issued.credential().expiresAt(), to));
        transport.send(email);
        // after the send: a crash before it sends a second link on the retry, and records that one
        directory.sent(requestId, request.requestedBy(), Role.UNIT, unit.get().id(), to, clock.instant());
        return handled(requestId, Result.SENT);
    }

    /** A coordinator's own link, to the account's address only (never to an address typed on the page). */
    private Result sendToCoordinator(String requestId, LinkRequest request, LinkDirectory.Coordinator account) {
        if (counter.increment("signin-coordinator:" + account.accountId(),
                clock.instant().truncatedTo(ChronoUnit.HOURS)) > PER_UNIT_PER_HOUR) {
            return handled(requestId, Result.LIMITED);
        }
        List<String> to = List.of(account.email());
        Credentials.Issued issued = credentials.issue(Role.COORDINATOR, null, account.accountId(), VALID_FOR,
                Tokens.newToken());
        transport.send(renderer.render(new SignInLinkNotice(requestId, account.name() + "（市发改委）",
                issued.token(), request.returnPath(), issued.credential().expiresAt(), to)));
        directory.sent(requestId, request.requestedBy(), Role.COORDINATOR, account.accountId(), to,
                clock.instant());
        return handled(requestId, Result.SENT);
    }

    private Result handled(String requestId, Result result) {
        requests.markHandled(requestId, result.name(), clock.instant());
        return result;
    }

    /** The unit named by its id, or the one unit among whose registered addresses the entry is. */
    private Optional<Unit> unitOf(Plan plan, String entered) {
        if (Unit.validId(entered)) {
            // a unit registered in 单位与账号管理 since the plan was loaded is known by its stored profile
            return plan.unit(entered).or(() -> directory.unit(entered));
        }
        return plan.units().stream()
                .filter(u -> contacts.unitContacts(u.id()).stream()
                        .anyMatch(a -> a.strip().toLowerCase(Locale.ROOT).equals(entered)))
                .findFirst();
    }
}
