package cn.lyg.xilian.web.admin;

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
 * Issues, revokes and lists credentials (see functions/adapter-web/README.md).
 * <pre>
 *   issue &lt;unitId|coordinator&gt; [--days N]   prints the sign-in link once; only its SHA-256 is stored
 *   revoke &lt;hashPrefix|token&gt;               a unique prefix (8+ hex digits, as printed by list) or the token
 *   list [unitId]
 * </pre>
 * Configuration as for the function: XILIAN_DYNAMODB_TABLE, XILIAN_DYNAMODB_REGION, XILIAN_DYNAMODB_ENDPOINT
 * (local only), XILIAN_WEB_PUBLIC_BASE_URL — or the same as -D system properties.
 */
public final class CredentialsCommand {

    private CredentialsCommand() {
    }

    public static void main(String[] args) {
        try (ApplicationContext ctx = ApplicationContext.builder().deduceEnvironment(false).start()) {
            System.exit(run(ctx, args, System.out, System.err));
        }
    }

    static int run(ApplicationContext ctx, String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("用法: issue <unitId|coordinator> [--days N] | revoke <hashPrefix|token> | list [unitId]");
            return 2;
        }
        Credentials credentials = ctx.getBean(Credentials.class);
        switch (args[0]) {
            case "issue" -> {
                if (args.length < 2) {
                    err.println("用法: issue <unitId|coordinator> [--days N]");
                    return 2;
                }
                Duration validFor = null;
                if (args.length >= 4 && args[2].equals("--days")) {
                    validFor = Duration.ofDays(Long.parseLong(args[3]));
                }
                boolean coordinator = args[1].equals("coordinator");
                if (!coordinator) {
                    Plan plan = ctx.getBean(PlanCache.class).plan();
                    if (plan.unit(args[1]).isEmpty()) {
                        err.println("计划中没有单位 " + args[1] + "。可用的单位: "
                                + plan.units().stream().map(u -> u.id()).toList());
                        return 1;
                    }
                }
                Credentials.Issued issued = credentials.issue(coordinator ? Role.COORDINATOR : Role.UNIT,
                        coordinator ? null : args[1], validFor);
                String base = ctx.getBean(WebSettings.class).getPublicBaseUrl().replaceAll("/+$", "");
                out.println("登录链接（只显示这一次，请通过安全渠道发给对方）:");
                out.println(base + "/login?token=" + URLEncoder.encode(issued.token(), StandardCharsets.UTF_8));
                out.println("API 令牌 (Authorization: Bearer): " + issued.token());
                out.println("凭据编号（吊销时使用）: " + issued.credential().hash().substring(0, 12));
                return 0;
            }
            case "revoke" -> {
                if (args.length < 2) {
                    err.println("用法: revoke <hashPrefix|token>");
                    return 2;
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
                credentials.list(args.length > 1 ? args[1] : null).forEach(c -> out.println(describe(c)));
                return 0;
            }
            default -> {
                err.println("未知命令 " + args[0]);
                return 2;
            }
        }
    }

    private static String describe(Credential c) {
        return c.hash().substring(0, 12) + "  " + c.role() + "  " + (c.unitId() == null ? "-" : c.unitId())
                + "  签发 " + c.issuedAt() + "  到期 " + (c.expiresAt() == null ? "不过期" : c.expiresAt())
                + (c.revoked() ? "  已吊销 " + c.revokedAt() : "");
    }
}
