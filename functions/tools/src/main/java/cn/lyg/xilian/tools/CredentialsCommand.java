package cn.lyg.xilian.tools;

import cn.lyg.xilian.core.access.Credential;
import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.access.Tokens;
import cn.lyg.xilian.core.admin.Administer;
import cn.lyg.xilian.core.admin.CoordinatorAccount;
import cn.lyg.xilian.core.admin.Directory;
import cn.lyg.xilian.core.admin.UnitDirectory;
import cn.lyg.xilian.core.admin.UnitProfile;
import cn.lyg.xilian.core.audit.Actor;
import cn.lyg.xilian.core.audit.AuditAction;
import cn.lyg.xilian.core.audit.AuditEntry;
import cn.lyg.xilian.core.audit.AuditLog;
import cn.lyg.xilian.core.audit.AuditTrail;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.mail.EmailAddress;
import cn.lyg.xilian.core.supervision.Write;
import cn.lyg.xilian.web.PlanCache;
import cn.lyg.xilian.web.WebSettings;
import io.micronaut.context.ApplicationContext;

import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Issues, rotates, revokes and lists credentials (see infra/docs/SECURITY.md).
 * <pre>
 *   issue &lt;unitId|coordinator&gt; [--days N]            prints the sign-in link once; only its SHA-256 is stored
 *   issue coordinator --name 张三 --email a@b.cn [--days N]
 *                                                   the first named coordinator (bootstrap): creates the account
 *                                                   (or takes the active one with that address) and its link
 *   rotate &lt;unitId&gt; [--days N] [--grace-days G]       a new credential; the unit's others end after G days (7)
 *   revoke &lt;hashPrefix|token&gt;                        a unique prefix (8+ hex digits, as printed by list) or the token
 *   list [unitId]
 * </pre>
 * Without {@code --days} a credential expires 60 days after the plan year (Credentials#defaultExpiry).
 * Configuration as for the function: XILIAN_DYNAMODB_TABLE, XILIAN_DYNAMODB_REGION, XILIAN_DYNAMODB_ENDPOINT
 * (local only), XILIAN_WEB_PUBLIC_BASE_URL — or the same as -D system properties. Logs at WARN
 * (XILIAN_ADMIN_LOG_LEVEL=DEBUG for more); errors are one line, no stack trace. Every change (an account, a link
 * issued, rotated or revoked) goes on the audit trail first, by {@link Actor#OPERATOR}.
 */
public final class CredentialsCommand {

    static final String USAGE = "用法: issue <unitId|coordinator> [--days N]"
            + " | issue coordinator --name 姓名 --email 邮箱 [--days N]"
            + " | rotate <unitId> [--days N] [--grace-days G]"
            + " | revoke <hashPrefix|token> | list [unitId]";
    private static final int DEFAULT_GRACE_DAYS = 7;

    private CredentialsCommand() {
    }

    public static void main(String[] args) {
        // Before any logger exists: WARN by default (the SDK's DEBUG output includes signing details).
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "admin-logback.xml");
        }
        int status;
        try (ApplicationContext ctx = ApplicationContext.builder().deduceEnvironment(false).start()) {
            status = run(ctx, args, System.out, System.err);
        } catch (RuntimeException e) {
            System.err.println("错误: " + oneLine(e));
            status = 1;
        }
        System.exit(status);
    }

    /** A usage mistake: printed with the usage, exit status 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    static int run(ApplicationContext ctx, String[] args, PrintStream out, PrintStream err) {
        try {
            return execute(ctx, args, out, err);
        } catch (UsageException e) {
            err.println("错误: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("错误: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("错误: " + oneLine(e));
            return 1;
        }
    }

    private static int execute(ApplicationContext ctx, String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            throw new UsageException("缺少命令");
        }
        Credentials credentials = ctx.getBean(Credentials.class);
        switch (args[0]) {
            case "issue" -> {
                Options o = Options.parse(args, false);
                boolean coordinator = o.subject.equals("coordinator");
                if (!coordinator) {
                    requireUnit(ctx, o.subject);
                    if (o.name != null || o.email != null) {
                        throw new UsageException("--name 和 --email 只用于 issue coordinator");
                    }
                }
                requireExpiry(ctx, credentials, o.validFor);
                String accountId = null;
                if (coordinator && (o.name != null || o.email != null)) {
                    CoordinatorAccount account = coordinatorAccount(ctx, o.name, o.email, out);
                    accountId = account.id();
                }
                String token = Tokens.newToken();
                String hash = Tokens.sha256Hex(token);
                String target = coordinator ? "coordinator:" + (accountId == null ? Actor.UNNAMED_COORDINATOR
                        : accountId) : "unit:" + o.subject;
                onRecord(ctx, AuditAction.LINK_ISSUED, target, hash, null, "链接 " + hash.substring(0, 8) + "，"
                        + (o.validFor == null ? "到期 " + credentials.defaultExpiry() : "有效 "
                        + o.validFor.toDays() + " 天") + "（命令行签发）");
                Credentials.Issued issued = credentials.issue(coordinator ? Role.COORDINATOR : Role.UNIT,
                        coordinator ? null : o.subject, accountId, o.validFor, token);
                printIssued(ctx, issued, out);
                return 0;
            }
            case "rotate" -> {
                Options o = Options.parse(args, true);
                requireUnit(ctx, o.subject);
                requireExpiry(ctx, credentials, o.validFor);
                onRecord(ctx, AuditAction.LINK_ROTATED, "unit:" + o.subject, Tokens.newToken(),
                        credentials.list(o.subject).stream().filter(c -> !c.revoked()
                                && !c.expiredAt(ctx.getBean(Clock.class).instant())).count() + " 个有效链接",
                        "新链接；原有链接 " + o.graceDays + " 天后失效（命令行更换）");
                Credentials.Rotated rotated = credentials.rotate(o.subject, o.validFor, Duration.ofDays(o.graceDays));
                printIssued(ctx, rotated.issued(), out);
                rotated.retiring().forEach(c -> out.println("旧凭据将于 " + c.expiresAt() + " 失效: " + describe(c)));
                if (rotated.retiring().isEmpty()) {
                    out.println("该单位没有其他有效凭据。");
                }
                return 0;
            }
            case "revoke" -> {
                if (args.length != 2) {
                    throw new UsageException("revoke 需要一个凭据编号（list 打印的前 8 位以上）或令牌");
                }
                Optional<Credential> target = credential(credentials, args[1]);
                if (target.isPresent() && !target.get().revoked()) {
                    Credential c = target.get();
                    onRecord(ctx, AuditAction.LINK_REVOKED, holder(c), c.hash(),
                            "链接 " + c.hash().substring(0, 8) + " 有效", "已撤销（命令行）");
                }
                List<Credential> revoked = target.isEmpty() ? List.of() : credentials.revoke(target.get().hash());
                if (revoked.isEmpty()) {
                    err.println("没有吊销任何凭据：未找到，或前缀对应多个凭据（请给出更长的前缀）");
                    return 1;
                }
                revoked.forEach(c -> out.println("已吊销 " + describe(c)));
                return 0;
            }
            case "list" -> {
                if (args.length > 2) {
                    throw new UsageException("list 最多一个参数（单位编号）");
                }
                credentials.list(args.length > 1 ? args[1] : null).forEach(c -> out.println(describe(c)));
                return 0;
            }
            default -> throw new UsageException("未知命令 " + args[0]);
        }
    }

    /**
     * The named coordinator's account: the active one with this address, or a new one (random id, never reused),
     * recorded before it is stored.
     */
    private static CoordinatorAccount coordinatorAccount(ApplicationContext ctx, String nameRaw, String emailRaw,
                                                         PrintStream out) {
        if (nameRaw == null || emailRaw == null) {
            throw new UsageException("统筹人员账号需要同时给出 --name 和 --email");
        }
        String name = nameRaw.strip();
        if (name.isEmpty() || name.length() > Administer.MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("姓名须为 1 到 " + Administer.MAX_NAME + " 个字，且不能含控制字符");
        }
        String email = EmailAddress.normalise(emailRaw).orElseThrow(() -> new IllegalArgumentException(
                "“" + emailRaw + "”不是有效的邮箱地址，如 zhangsan@lyg.gov.cn"));
        Directory directory = ctx.getBean(Directory.class);
        Optional<CoordinatorAccount> existing = directory.read().coordinators().stream()
                .filter(c -> c.active() && c.email().equals(email)).findFirst();
        if (existing.isPresent()) {
            out.println("已有使用该邮箱的统筹人员账号 " + existing.get().id() + "：" + existing.get().describe()
                    + "，为其签发新链接。");
            return existing.get();
        }
        byte[] random = new byte[5];
        new SecureRandom().nextBytes(random);
        Instant now = ctx.getBean(Clock.class).instant();
        CoordinatorAccount account = new CoordinatorAccount("c-" + HexFormat.of().formatHex(random), name, email,
                true, now, null);
        onRecord(ctx, AuditAction.COORDINATOR_ADDED, "coordinator:" + account.id(), account.id(), null,
                account.describe() + "（命令行）");
        if (!(directory.create(account) instanceof Write.Stored<CoordinatorAccount> stored)) {
            throw new IllegalStateException("账号编号 " + account.id() + " 已被使用，请重试");
        }
        out.println("已建立统筹人员账号 " + stored.value().id() + "：" + stored.value().describe());
        return stored.value();
    }

    /** Without --days the default expiry must lie ahead (checked before anything goes on record). */
    private static void requireExpiry(ApplicationContext ctx, Credentials credentials, Duration validFor) {
        if (validFor == null && !credentials.defaultExpiry().isAfter(ctx.getBean(Clock.class).instant())) {
            throw new IllegalArgumentException("默认有效期（" + credentials.defaultExpiry() + "）已过；请用 --days 指定有效天数");
        }
    }

    /** The one credential a token or a unique hash prefix (8+ hex digits) names. */
    private static Optional<Credential> credential(Credentials credentials, String tokenOrPrefix) {
        String v = tokenOrPrefix.strip();
        if (Tokens.wellFormed(v)) {
            String hash = Tokens.sha256Hex(v);
            return credentials.list(null).stream().filter(c -> c.hash().equals(hash)).findFirst();
        }
        if (!v.matches("[0-9a-f]{8,64}")) {
            return Optional.empty();
        }
        List<Credential> matches = credentials.list(null).stream().filter(c -> c.hash().startsWith(v)).toList();
        return matches.size() == 1 ? Optional.of(matches.getFirst()) : Optional.empty();
    }

    private static String holder(Credential c) {
        return c.role() == Role.UNIT ? "unit:" + c.unitId()
                : "coordinator:" + (c.accountId() == null ? Actor.UNNAMED_COORDINATOR : c.accountId());
    }

    /** On the trail before the write, by the operator; the id comes from the change itself (a hash, an account). */
    private static void onRecord(ApplicationContext ctx, AuditAction action, String target, String key,
                                 String before, String after) {
        ctx.getBean(AuditLog.class).record(new AuditEntry(AuditTrail.entryId(action, target, key),
                ctx.getBean(Clock.class).instant(), Actor.OPERATOR, action, target, before, after, null, null));
    }

    /** {@code <subject> [--days N] [--grace-days G] [--name N --email E]}; anything else is a usage error. */
    private record Options(String subject, Duration validFor, int graceDays, String name, String email) {

        static Options parse(String[] args, boolean rotate) {
            if (args.length < 2 || args[1].startsWith("--")) {
                throw new UsageException(args[0] + " 需要单位编号" + (rotate ? "" : "或 coordinator"));
            }
            Duration validFor = null;
            int grace = DEFAULT_GRACE_DAYS;
            String accountName = null;
            String accountEmail = null;
            for (int i = 2; i < args.length; i += 2) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new UsageException(name + " 缺少取值");
                }
                switch (name) {
                    case "--days" -> validFor = Duration.ofDays(number(name, args[i + 1], 1, Credentials.MAX_VALID_DAYS));
                    case "--grace-days" -> {
                        if (!rotate) {
                            throw new UsageException("--grace-days 只用于 rotate");
                        }
                        grace = number(name, args[i + 1], 0, 30);
                    }
                    case "--name", "--email" -> {
                        if (rotate) {
                            throw new UsageException(name + " 只用于 issue coordinator");
                        }
                        if (name.equals("--name")) {
                            accountName = args[i + 1];
                        } else {
                            accountEmail = args[i + 1];
                        }
                    }
                    default -> throw new UsageException("未知选项 " + name);
                }
            }
            return new Options(args[1], validFor, grace, accountName, accountEmail);
        }

        private static int number(String name, String value, int min, int max) {
            if (!value.matches("\\d{1,4}") || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
                throw new UsageException(name + " 须为 " + min + " 到 " + max + " 之间的整数，收到: " + value);
            }
            return Integer.parseInt(value);
        }
    }

    /** A unit of the loaded plan, or one registered in 单位与账号管理 since (active). */
    private static void requireUnit(ApplicationContext ctx, String unitId) {
        Plan plan = ctx.getBean(PlanCache.class).plan();
        if (plan.unit(unitId).isEmpty() && ctx.getBean(UnitDirectory.class).unit(unitId)
                .filter(UnitProfile::active).isEmpty()) {
            throw new IllegalArgumentException("计划中没有单位 " + unitId + "。可用的单位: "
                    + plan.units().stream().map(u -> u.id()).toList());
        }
    }

    private static void printIssued(ApplicationContext ctx, Credentials.Issued issued, PrintStream out) {
        String base = ctx.getBean(WebSettings.class).getPublicBaseUrl().replaceAll("/+$", "");
        out.println("登录链接（只显示这一次，请通过安全渠道发给对方）:");
        out.println(base + "/login?token=" + URLEncoder.encode(issued.token(), StandardCharsets.UTF_8));
        out.println("API 令牌 (Authorization: Bearer): " + issued.token());
        out.println("凭据编号（吊销时使用）: " + issued.credential().hash().substring(0, 12)
                + "，到期 " + issued.credential().expiresAt());
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private static String describe(Credential c) {
        return c.hash().substring(0, 12) + "  " + c.role() + "  " + (c.unitId() == null
                ? (c.accountId() == null ? "-" : c.accountId()) : c.unitId())
                + "  签发 " + c.issuedAt() + "  到期 " + (c.expiresAt() == null ? "不过期" : c.expiresAt())
                + (c.revoked() ? "  已吊销 " + c.revokedAt() : "");
    }
}
