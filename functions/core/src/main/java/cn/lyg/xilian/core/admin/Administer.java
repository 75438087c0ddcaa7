package cn.lyg.xilian.core.admin;

import cn.lyg.xilian.core.access.Credential;
import cn.lyg.xilian.core.access.CredentialRepository;
import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.LinkRequest;
import cn.lyg.xilian.core.access.LinkRequestRepository;
import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.RequestSignInLink;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.access.Tokens;
import cn.lyg.xilian.core.audit.AuditAction;
import cn.lyg.xilian.core.audit.AuditEntry;
import cn.lyg.xilian.core.audit.AuditLog;
import cn.lyg.xilian.core.audit.AuditTrail;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.catalog.UnitKind;
import cn.lyg.xilian.core.mail.EmailAddress;
import cn.lyg.xilian.core.progress.FieldError;
import cn.lyg.xilian.core.progress.IdempotencyKey;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.supervision.Write;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * 单位与账号管理's rules: units and their contacts, sign-in links, coordinator accounts. Coordinators only; every input
 * is validated before anything is written; every action goes on the audit trail first (its id derived from the
 * request key, so a retry records it once and then completes the write), then is written idempotently.
 */
public class Administer {

    public static final int MAX_CONTACTS = 10;
    public static final int MAX_NAME = 60;
    public static final int MAX_ALIASES = 10;
    /** A link a coordinator issues or sends lasts as long as one a unit asks for by email. */
    public static final Duration LINK_VALID_FOR = Duration.ofDays(30);
    public static final Duration ROTATION_GRACE = Duration.ofDays(7);

    private final UnitDirectory units;
    private final Directory store;
    private final Credentials credentials;
    private final CredentialRepository credentialStore;
    private final LinkRequestRepository linkRequests;
    private final RequestSignInLink.Listener linkListener;
    private final ProgressRepository progress;
    private final AuditLog audit;
    private final Clock clock;

    public Administer(UnitDirectory units, Directory store, Credentials credentials,
                      CredentialRepository credentialStore, LinkRequestRepository linkRequests,
                      RequestSignInLink.Listener linkListener, ProgressRepository progress, AuditLog audit,
                      Clock clock) {
        this.units = units;
        this.store = store;
        this.credentials = credentials;
        this.credentialStore = credentialStore;
        this.linkRequests = linkRequests;
        this.linkListener = linkListener;
        this.progress = progress;
        this.audit = audit;
        this.clock = clock;
    }

    /** A unit form as typed: contacts and aliases one per line (or separated by commas, semicolons, 、). */
    public record UnitInput(@Nullable String id, @Nullable String name, @Nullable String kind,
                            @Nullable String aliases, @Nullable String contacts, @Nullable String liaisonName,
                            @Nullable String liaisonPhone) {
    }

    private static final Outcome.Forbidden<?> NOT_COORDINATOR =
            new Outcome.Forbidden<>("COORDINATOR_ONLY", "仅市发改委统筹人员可以管理单位与账号");

    @SuppressWarnings("unchecked")
    private static <T> Outcome<T> forbidden() {
        return (Outcome<T>) NOT_COORDINATOR;
    }

    /** Registers a new unit (its id stable ASCII, never used before, active or not). */
    public Outcome<UnitProfile> addUnit(Principal who, UnitInput in, String key) {
        if (!who.coordinator()) {
            return forbidden();
        }
        List<FieldError> errors = new ArrayList<>();
        String id = in.id() == null ? "" : in.id().strip();
        // c- and 10 hex digits names a coordinator account where a link request names whom to send to
        if (!Unit.validId(id) || CoordinatorAccount.validId(id)) {
            errors.add(new FieldError("id", "UNIT_ID_INVALID",
                    "单位代码须为小写英文字母或数字，可用连字符连接，如 shi-zhujianju"));
        }
        String name = required(in.name(), "name", "单位名称", MAX_NAME, errors);
        UnitKind kind = kind(in.kind(), errors);
        List<String> contacts = contacts(in.contacts(), errors);
        List<String> aliases = aliases(in.aliases(), errors);
        key(key, errors);
        Optional<UnitProfile> existing = errors.isEmpty() ? units.unit(id) : Optional.empty();
        if (existing.isPresent()) {
            UnitProfile e = existing.get();
            // The same unit asked for again (a retry) replays; anything else under a used id is refused.
            if (e.version() == 1 && e.name().equals(name) && e.kind() == kind && e.aliases().equals(aliases)
                    && e.contacts().equals(contacts)) {
                return new Outcome.Done<>(e, true);
            }
            errors.add(new FieldError("id", "UNIT_ID_TAKEN", "单位代码 " + id + " 已被使用（代码不能重复使用）"));
        }
        if (errors.isEmpty()) {
            clash(name, aliases, id, errors);
        }
        if (!errors.isEmpty()) {
            return new Outcome.Invalid<>(List.copyOf(errors));
        }
        Instant now = clock.instant();
        UnitProfile profile = new UnitProfile(id, name, kind, aliases, contacts, optional(in.liaisonName()),
                optional(in.liaisonPhone()), true, 1, now, null, List.of(), null);
        boolean first = audit(who, AuditAction.UNIT_ADDED, "unit:" + id, key, null, profile.describe(), now);
        return switch (store.create(profile)) {
            case Write.Stored<UnitProfile> s -> new Outcome.Done<>(s.value(), false);
            case Write.Taken<UnitProfile> t -> !first && t.value().name().equals(name)
                    ? new Outcome.Done<>(t.value(), true)
                    : new Outcome.Conflict<>("UNIT_ID_TAKEN", "单位代码 " + id + " 已被使用（代码不能重复使用）");
        };
    }

    /** Changes a unit's contacts, liaison and aliases; {@code version} is the one the form was filled from. */
    public Outcome<UnitProfile> editUnit(Principal who, String unitId, long version, UnitInput in, String key) {
        if (!who.coordinator()) {
            return forbidden();
        }
        Optional<UnitProfile> current = units.unit(unitId);
        if (current.isEmpty()) {
            return new Outcome.NotFound<>("UNKNOWN_UNIT", "没有代码为 " + unitId + " 的单位");
        }
        List<FieldError> errors = new ArrayList<>();
        List<String> contacts = contacts(in.contacts(), errors);
        List<String> aliases = aliases(in.aliases(), errors);
        String liaison = optional(in.liaisonName());
        if (liaison != null && liaison.length() > MAX_NAME) {
            errors.add(new FieldError("liaisonName", "NAME_TOO_LONG", "联络员姓名不能超过 " + MAX_NAME + " 个字"));
        }
        String phone = optional(in.liaisonPhone());
        if (phone != null && !cn.lyg.xilian.core.progress.SubmitProgress.PHONE.matcher(phone).matches()) {
            errors.add(new FieldError("liaisonPhone", "PHONE_INVALID", "电话只能包含数字、空格和 + - ( )，5 到 30 位"));
        }
        key(key, errors);
        if (errors.isEmpty()) {
            clash(current.get().name(), aliases, unitId, errors);
        }
        if (!errors.isEmpty()) {
            return new Outcome.Invalid<>(List.copyOf(errors));
        }
        UnitProfile before = current.get();
        Instant now = clock.instant();
        UnitProfile base = before.atVersion(version);
        UnitProfile next = base.edited(contacts, liaison, phone, aliases, now);
        return changed(who, AuditAction.UNIT_EDITED, before, next, key, now);
    }

    /** Deactivates a unit with no open task in the plan (or activates it again). */
    public Outcome<UnitProfile> setActive(Principal who, Plan plan, String unitId, boolean active, long version,
                                          String key) {
        if (!who.coordinator()) {
            return forbidden();
        }
        Optional<UnitProfile> current = units.unit(unitId);
        if (current.isEmpty()) {
            return new Outcome.NotFound<>("UNKNOWN_UNIT", "没有代码为 " + unitId + " 的单位");
        }
        List<FieldError> errors = new ArrayList<>();
        key(key, errors);
        if (!errors.isEmpty()) {
            return new Outcome.Invalid<>(List.copyOf(errors));
        }
        if (!active) {
            long open = openTasks(plan, unitId);
            if (open > 0) {
                return new Outcome.Conflict<>("UNIT_HAS_OPEN_TASKS",
                        "该单位在" + plan.year() + "年计划中还有 " + open + " 项未完成的任务，不能停用");
            }
        }
        UnitProfile before = current.get();
        Instant now = clock.instant();
        UnitProfile base = before.atVersion(version);
        return changed(who, active ? AuditAction.UNIT_REACTIVATED : AuditAction.UNIT_DEACTIVATED, before,
                base.activated(active, now), key, now);
    }

    /** Tasks of the plan the unit is responsible for and has not reported 已完成. */
    public long openTasks(Plan plan, String unitId) {
        var states = progress.statesOfUnit(plan.year(), unitId);
        return plan.tasksFor(unitId).stream().filter(task -> states.stream()
                .noneMatch(s -> s.taskId().equals(task.id()) && s.latest() != null
                        && s.latest().status() == ProgressStatus.DONE)).count();
    }

    private Outcome<UnitProfile> changed(Principal who, AuditAction action, UnitProfile before, UnitProfile next,
                                         String key, Instant now) {
        boolean first = audit(who, action, "unit:" + before.id(), key, before.describe(), next.describe(), now);
        return switch (store.update(next)) {
            case Write.Stored<UnitProfile> s -> new Outcome.Done<>(s.value(), false);
            case Write.Taken<UnitProfile> t -> !first && sameEditable(t.value(), next)
                    ? new Outcome.Done<>(t.value(), true)
                    : new Outcome.Conflict<>("UNIT_CHANGED_MEANWHILE",
                    "该单位的信息已被他人修改（" + t.value().describe() + "）。请刷新后重新修改");
        };
    }

    private static boolean sameEditable(UnitProfile a, UnitProfile b) {
        return a.contacts().equals(b.contacts()) && a.aliases().equals(b.aliases()) && a.active() == b.active()
                && java.util.Objects.equals(a.liaisonName(), b.liaisonName())
                && java.util.Objects.equals(a.liaisonPhone(), b.liaisonPhone());
    }

    /** A new link shown once (for a unit without email, to pass on by hand); the unit's other links stay valid. */
    public Outcome<Credentials.Issued> issueLink(Principal who, String unitId, String key) {
        return newLink(who, unitId, key, false);
    }

    /** A new link shown once; the unit's other live links end after {@link #ROTATION_GRACE}. */
    public Outcome<Credentials.Issued> rotateLink(Principal who, String unitId, String key) {
        return newLink(who, unitId, key, true);
    }

    private Outcome<Credentials.Issued> newLink(Principal who, String unitId, String key, boolean rotate) {
        if (!who.coordinator()) {
            return forbidden();
        }
        Optional<UnitProfile> unit = units.unit(unitId);
        if (unit.isEmpty()) {
            return new Outcome.NotFound<>("UNKNOWN_UNIT", "没有代码为 " + unitId + " 的单位");
        }
        if (!unit.get().active()) {
            return new Outcome.Conflict<>("UNIT_INACTIVE", "该单位已停用，不能签发登录链接");
        }
        List<FieldError> errors = new ArrayList<>();
        key(key, errors);
        if (!errors.isEmpty()) {
            return new Outcome.Invalid<>(List.copyOf(errors));
        }
        Instant now = clock.instant();
        List<Credential> live = credentialStore.list(unitId).stream()
                .filter(c -> !c.revoked() && !c.expiredAt(now)).toList();
        String token = Tokens.newToken();
        String hash = Tokens.sha256Hex(token);
        // The token exists once, in this answer: a retried request must not mint a second link it cannot show.
        if (!audit(who, rotate ? AuditAction.LINK_ROTATED : AuditAction.LINK_ISSUED, "unit:" + unitId, key,
                rotate ? live.size() + " 个有效链接" : null,
                "链接 " + hash.substring(0, 8) + "，有效 " + LINK_VALID_FOR.toDays() + " 天", now)) {
            return new Outcome.Conflict<>("LINK_ALREADY_ISSUED",
                    "这次请求已签发过链接（链接只显示一次）。如未保存，请撤销后重新签发");
        }
        Credentials.Issued issued = credentials.issue(Role.UNIT, unitId, null, LINK_VALID_FOR, token);
        if (rotate) {
            Instant end = now.plus(ROTATION_GRACE);
            live.forEach(c -> credentialStore.expireBy(c.hash(), end));
        }
        return new Outcome.Done<>(issued, false);
    }

    /** Revokes one of a unit's (or a coordinator's) links by its hash; revoking again replays. */
    public Outcome<Credential> revokeLink(Principal who, String hash, String key) {
        if (!who.coordinator()) {
            return forbidden();
        }
        if (hash == null || !hash.matches("[0-9a-f]{64}")) {
            return new Outcome.NotFound<>("UNKNOWN_LINK", "没有这个登录链接");
        }
        Optional<Credential> found = credentialStore.find(hash);
        if (found.isEmpty()) {
            return new Outcome.NotFound<>("UNKNOWN_LINK", "没有这个登录链接");
        }
        if (hash.equals(who.credentialHash())) {
            return new Outcome.Conflict<>("OWN_LINK", "不能撤销自己正在使用的登录链接");
        }
        List<FieldError> errors = new ArrayList<>();
        key(key, errors);
        if (!errors.isEmpty()) {
            return new Outcome.Invalid<>(List.copyOf(errors));
        }
        Credential c = found.get();
        if (c.revoked()) {
            return new Outcome.Done<>(c, true);
        }
        Instant now = clock.instant();
        audit(who, AuditAction.LINK_REVOKED, holder(c), key, "链接 " + hash.substring(0, 8) + " 有效",
                "已撤销", now);
        credentialStore.revoke(hash, now);
        return new Outcome.Done<>(c.revokedAt(now), false);
    }

    /**
     * Emails the unit a new link, to its registered addresses only (the mail path, as for a link a unit asks for;
     * at most 3 per unit and hour). The request is keyed by the form's key, so a retry sends once.
     */
    public Outcome<LinkRequest> sendLink(Principal who, String unitId, String key) {
        if (!who.coordinator()) {
            return forbidden();
        }
        Optional<UnitProfile> unit = units.unit(unitId);
        if (unit.isEmpty()) {
            return new Outcome.NotFound<>("UNKNOWN_UNIT", "没有代码为 " + unitId + " 的单位");
        }
        if (!unit.get().active()) {
            return new Outcome.Conflict<>("UNIT_INACTIVE", "该单位已停用，不能发送登录链接");
        }
        if (unit.get().contacts().isEmpty()) {
            return new Outcome.Conflict<>("NO_CONTACT", "该单位还没有登记联系人邮箱，请先添加联系人");
        }
        return queueLink(who, "unit:" + unitId, unitId, key);
    }

    /** Emails a coordinator a new link of their own account. */
    public Outcome<LinkRequest> sendCoordinatorLink(Principal who, String accountId, String key) {
        if (!who.coordinator()) {
            return forbidden();
        }
        Optional<CoordinatorAccount> account = coordinator(accountId);
        if (account.isEmpty() || !account.get().active()) {
            return new Outcome.NotFound<>("UNKNOWN_COORDINATOR", "没有这位统筹人员");
        }
        return queueLink(who, "coordinator:" + accountId, accountId, key);
    }

    private Outcome<LinkRequest> queueLink(Principal who, String target, String entered, String key) {
        List<FieldError> errors = new ArrayList<>();
        key(key, errors);
        if (!errors.isEmpty()) {
            return new Outcome.Invalid<>(List.copyOf(errors));
        }
        Instant now = clock.instant();
        String requestId = "admin-" + AuditTrail.entryId(AuditAction.LINK_SENT, target, key);
        Optional<LinkRequestRepository.Stored> earlier = linkRequests.find(requestId);
        if (earlier.isPresent()) {
            return new Outcome.Done<>(earlier.get().request(), true);
        }
        LinkRequest request = new LinkRequest(requestId, entered, null, now,
                who.accountId() == null ? "coordinator" : who.accountId());
        linkRequests.record(request, now.plus(RequestSignInLink.KEEP));
        linkListener.requested(request);
        return new Outcome.Done<>(request, false);
    }

    public Optional<CoordinatorAccount> coordinator(String accountId) {
        if (!CoordinatorAccount.validId(accountId)) {
            return Optional.empty();
        }
        return units.contents().coordinators().stream().filter(c -> c.id().equals(accountId)).findFirst();
    }

    /** Adds a named coordinator; their link is then sent to their address ({@link #sendCoordinatorLink}). */
    public Outcome<CoordinatorAccount> addCoordinator(Principal who, String nameRaw, String emailRaw, String key) {
        if (!who.coordinator()) {
            return forbidden();
        }
        List<FieldError> errors = new ArrayList<>();
        String name = required(nameRaw, "name", "姓名", MAX_NAME, errors);
        Optional<String> email = EmailAddress.normalise(emailRaw);
        if (email.isEmpty()) {
            errors.add(new FieldError("email", "EMAIL_INVALID", "请填写有效的邮箱地址，如 zhangsan@lyg.gov.cn"));
        }
        key(key, errors);
        if (!errors.isEmpty()) {
            return new Outcome.Invalid<>(List.copyOf(errors));
        }
        // The id is derived from the request key: a retry lands on the same account.
        String id = "c-" + Tokens.sha256Hex("coordinator\n" + key).substring(0, 10);
        Instant now = clock.instant();
        CoordinatorAccount account = new CoordinatorAccount(id, name, email.get(), true, now, null);
        audit(who, AuditAction.COORDINATOR_ADDED, "coordinator:" + id, key, null, account.describe(), now);
        return switch (store.create(account)) {
            case Write.Stored<CoordinatorAccount> s -> new Outcome.Done<>(s.value(), false);
            case Write.Taken<CoordinatorAccount> t -> t.value().email().equals(account.email())
                    && t.value().name().equals(name) ? new Outcome.Done<>(t.value(), true)
                    : new Outcome.Conflict<>("IDEMPOTENCY_KEY_REUSED", "该幂等键已用于另一位统筹人员");
        };
    }

    /** Removes a coordinator and revokes their links; the last active coordinator stays. */
    public Outcome<CoordinatorAccount> removeCoordinator(Principal who, String accountId, String key) {
        if (!who.coordinator()) {
            return forbidden();
        }
        List<CoordinatorAccount> all = units.contents().coordinators();
        Optional<CoordinatorAccount> account = all.stream().filter(c -> c.id().equals(accountId)).findFirst();
        if (account.isEmpty()) {
            return new Outcome.NotFound<>("UNKNOWN_COORDINATOR", "没有这位统筹人员");
        }
        List<FieldError> errors = new ArrayList<>();
        key(key, errors);
        if (!errors.isEmpty()) {
            return new Outcome.Invalid<>(List.copyOf(errors));
        }
        Instant now = clock.instant();
        if (!account.get().active()) {
            revokeAll(accountId, now);
            return new Outcome.Done<>(account.get(), true);
        }
        if (all.stream().filter(CoordinatorAccount::active).count() <= 1) {
            return new Outcome.Conflict<>("LAST_COORDINATOR", "这是最后一位统筹人员，不能移除");
        }
        audit(who, AuditAction.COORDINATOR_REMOVED, "coordinator:" + accountId, key, account.get().describe(),
                account.get().removed(now).describe(), now);
        store.remove(accountId, now);
        revokeAll(accountId, now);
        return new Outcome.Done<>(account.get().removed(now), false);
    }

    /** A removed coordinator's links stop working at their next request. */
    private void revokeAll(String accountId, Instant now) {
        credentialStore.list(null).stream()
                .filter(c -> c.role() == Role.COORDINATOR && accountId.equals(c.accountId()) && !c.revoked())
                .forEach(c -> credentialStore.revoke(c.hash(), now));
    }

    private static String holder(Credential c) {
        return c.role() == Role.UNIT ? "unit:" + c.unitId()
                : "coordinator:" + (c.accountId() == null ? "coordinator" : c.accountId());
    }

    private boolean audit(Principal who, AuditAction action, String target, String key, @Nullable String before,
                          @Nullable String after, Instant now) {
        return audit.record(AuditEntry.of(AuditTrail.entryId(action, target, key), now, who, action, target, before,
                after));
    }

    private void clash(String name, List<String> aliases, String id, List<FieldError> errors) {
        List<String> spellings = new ArrayList<>(aliases);
        spellings.add(name);
        for (UnitProfile other : units.units()) {
            if (other.id().equals(id)) {
                continue;
            }
            List<String> theirs = new ArrayList<>(other.aliases());
            theirs.add(other.name());
            for (String mine : spellings) {
                for (String their : theirs) {
                    if (cn.lyg.xilian.core.catalog.UnitRegistry.normalise(mine)
                            .equals(cn.lyg.xilian.core.catalog.UnitRegistry.normalise(their))) {
                        errors.add(new FieldError(mine.equals(name) ? "name" : "aliases", "NAME_TAKEN",
                                "“" + mine + "”已是单位“" + other.name() + "”（" + other.id() + "）的名称或别名"));
                        return;
                    }
                }
            }
        }
    }

    private static List<String> contacts(@Nullable String raw, List<FieldError> errors) {
        List<String> out = new ArrayList<>();
        for (String entry : split(raw)) {
            Optional<String> address = EmailAddress.normalise(entry);
            if (address.isEmpty()) {
                errors.add(new FieldError("contacts", "EMAIL_INVALID",
                        "“" + shorten(entry) + "”不是有效的邮箱地址，每行填写一个，如 zhangsan@lyg.gov.cn"));
                return List.of();
            }
            if (!out.contains(address.get())) {
                out.add(address.get());
            }
        }
        if (out.size() > MAX_CONTACTS) {
            errors.add(new FieldError("contacts", "TOO_MANY", "联系人邮箱最多 " + MAX_CONTACTS + " 个"));
        }
        return out;
    }

    private static List<String> aliases(@Nullable String raw, List<FieldError> errors) {
        List<String> out = split(raw).stream().distinct().toList();
        if (out.size() > MAX_ALIASES || out.stream().anyMatch(a -> a.length() > MAX_NAME)) {
            errors.add(new FieldError("aliases", "ALIASES_INVALID",
                    "别名最多 " + MAX_ALIASES + " 个，每个不超过 " + MAX_NAME + " 个字"));
        }
        return out;
    }

    private static List<String> split(@Nullable String raw) {
        if (raw == null) {
            return List.of();
        }
        return Arrays.stream(raw.split("[\\r\\n,，;；、]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static String required(@Nullable String raw, String field, String label, int max,
                                   List<FieldError> errors) {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty()) {
            errors.add(new FieldError(field, "NAME_REQUIRED", "请填写" + label));
        } else if (v.length() > max || v.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "NAME_TOO_LONG", label + "不能超过 " + max + " 个字，且不能含控制字符"));
        }
        return v;
    }

    private static @Nullable String optional(@Nullable String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    private static UnitKind kind(@Nullable String raw, List<FieldError> errors) {
        for (UnitKind k : UnitKind.values()) {
            if (k.name().equals(raw)) {
                return k;
            }
        }
        errors.add(new FieldError("kind", "KIND_INVALID", "请选择单位类别"));
        return UnitKind.CITY_DEPARTMENT;
    }

    private static void key(String key, List<FieldError> errors) {
        if (!IdempotencyKey.isValid(key)) {
            errors.add(new FieldError("key", "KEY_INVALID", "请求缺少有效的幂等键，请刷新页面后重试"));
        }
    }
}
