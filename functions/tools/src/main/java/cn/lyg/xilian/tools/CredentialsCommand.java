package cn.lyg.xilian.tools;

import cn.lyg.xilian.core.access.Credential;
import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.web.PlanCache;
import cn.lyg.xilian.web.WebSettings;
import io.micronaut.context.ApplicationContext;

import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Issues, rotates, revokes and lists credentials (see infra/docs/SECURITY.md).
 * <pre>
 *   issue &lt;unitId|coordinator&gt; [--days N]            prints the sign-in link once; only its SHA-256 is stored
 *   rotate &lt;unitId&gt; [--days N] [--grace-days G]       a new credential; the unit's others end after G days (7)
 *   revoke &lt;hashPrefix|token&gt;                        a unique prefix (8+ hex digits, as printed by list) or the token
 *   list [unitId]
 * </pre>
 * Without {@code --days} a credential expires 60 days after the plan year (Credentials#defaultExpiry).
 * Configuration as for the function: XILIAN_DYNAMODB_TABLE, XILIAN_DYNAMODB_REGION, XILIAN_DYNAMODB_ENDPOINT
 * (local only), XILIAN_WEB_PUBLIC_BASE_URL — or the same as -D system properties. Logs at WARN
 * (XILIAN_ADMIN_LOG_LEVEL=DEBUG for more); errors are one line, no stack trace.
 */
public final class CredentialsCommand {

    static final String USAGE = "用法: issue <unitId|coordinator> [--days N] | rotate <unitId> [--days N] [--grace-days G]"
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
                }
                Credentials.Issued issued = credentials.issue(coordinator ? Role.COORDINATOR : Role.UNIT,
                        coordinator ? null : o.subject, o.validFor);
                printIssued(ctx, issued, out);
                return 0;
            }
            case "rotate" -> {
                Options o = Options.parse(args, true);
                requireUnit(ctx, o.subject);
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
                List<Credential> revoked = credentials.revoke(args[1]);
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

    /** {@code <subject> [--days N] [--grace-days G]}, each bounded; anything else is a usage error. */
    private record Options(String subject, Duration validFor, int graceDays) {

        static Options parse(String[] args, boolean rotate) {
            if (args.length < 2 || args[1].startsWith("--")) {
                throw new UsageException(args[0] + " 需要单位编号" + (rotate ? "" : "或 coordinator"));
            }
            Duration validFor = null;
            int grace = DEFAULT_GRACE_DAYS;
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
                    default -> throw new UsageException("未知选项 " + name);
                }
            }
            return new Options(args[1], validFor, grace);
        }

        private static int number(String name, String value, int min, int max) {
            if (!value.matches("\\d{1,4}") || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
                throw new UsageException(name + " 须为 " + min + " 到 " + max + " 之间的整数，收到: " + value);
            }
            return Integer.parseInt(value);
        }
    }

    private static void requireUnit(ApplicationContext ctx, String unitId) {
        Plan plan = ctx.getBean(PlanCache.class).plan();
        if (plan.unit(unitId).isEmpty()) {
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
        return c.hash().substring(0, 12) + "  " + c.role() + "  " + (c.unitId() == null ? "-" : c.unitId())
                + "  签发 " + c.issuedAt() + "  到期 " + (c.expiresAt() == null ? "不过期" : c.expiresAt())
                + (c.revoked() ? "  已吊销 " + c.revokedAt() : "");
    }
}
