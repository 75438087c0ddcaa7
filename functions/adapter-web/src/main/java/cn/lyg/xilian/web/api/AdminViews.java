package cn.lyg.xilian.web.api;

import cn.lyg.xilian.core.access.Credential;
import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.LinkRequest;
import cn.lyg.xilian.core.admin.AdminQueries;
import cn.lyg.xilian.core.admin.CoordinatorAccount;
import cn.lyg.xilian.core.admin.LinkState;
import cn.lyg.xilian.core.admin.UnitProfile;
import cn.lyg.xilian.core.audit.AuditEntry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The JSON shapes of 单位与账号管理 and 操作留痕 in /api/v1/admin (never a token, except once in {@link IssuedLinkView}). */
public final class AdminViews {

    private AdminViews() {
    }

    @Serdeable
    @Schema(description = "登录链接的状态")
    public record LinkStateView(@Schema(description = "VALID 有效、EXPIRING 14天内到期、EXPIRED 已过期、REVOKED 已撤销、NONE 未签发",
            allowableValues = {"VALID", "EXPIRING", "EXPIRED", "REVOKED", "NONE"}) String state,
                                @Schema(description = "中文说明，如“有效”“5天后到期”") String label,
                                @Schema(description = "有效期最长的有效链接的到期时间") @Nullable Instant expiresAt) {
        static LinkStateView of(LinkState s) {
            return new LinkStateView(s.kind().name(), s.label(), s.expiresAt());
        }
    }

    @Serdeable
    @Schema(description = "一个有效的登录链接（只有其哈希，没有令牌）")
    public record LinkView(@Schema(description = "令牌的 SHA-256（64位十六进制），撤销时使用") String hash,
                           @Schema(description = "哈希的前8位，页面和操作留痕以此称呼链接") String prefix,
                           Instant issuedAt, @Nullable Instant expiresAt) {
        static LinkView of(Credential c) {
            return new LinkView(c.hash(), c.hash().substring(0, 8), c.issuedAt(), c.expiresAt());
        }
    }

    @Serdeable
    @Schema(description = "单位及其联系人、登录情况")
    public record AdminUnitView(String id, String name,
                                @Schema(allowableValues = {"COUNTY", "CITY_DEPARTMENT", "PARK", "WORK_TEAM"}) String kind,
                                String kindLabel, List<String> aliases,
                                @Schema(description = "登记的联系人邮箱；提醒、周报和登录链接只发往这些地址") List<String> contacts,
                                @Nullable String liaisonName, @Nullable String liaisonPhone, boolean active,
                                @Schema(description = "修改时须带上（PUT 的 version）；0 表示尚未修改过") long version,
                                @Nullable Instant lastSignInAt,
                                @Schema(description = "本年度计划中该单位最近一次填报的时间") @Nullable Instant lastReportAt,
                                LinkStateView link, @Nullable Instant linkSentAt, List<String> linkSentTo,
                                @Schema(description = "有效的链接（仅单个单位的应答中有）") @Nullable List<LinkView> liveLinks) {
        static AdminUnitView of(AdminQueries.UnitRow row, @Nullable List<Credential> live) {
            UnitProfile u = row.unit();
            return new AdminUnitView(u.id(), u.name(), u.kind().name(), u.kind().label(), u.aliases(), u.contacts(),
                    u.liaisonName(), u.liaisonPhone(), u.active(), u.version(), u.lastSignInAt(), row.lastReport(),
                    LinkStateView.of(row.link()), u.linkSentAt(), u.linkSentTo(),
                    live == null ? null : live.stream().map(LinkView::of).toList());
        }

        static AdminUnitView of(AdminQueries.UnitDetail d) {
            return of(d.row(), d.liveLinks());
        }
    }

    @Serdeable
    @Schema(description = "刚签发的登录链接：令牌只在这一次应答中出现，之后无法再次查看")
    public record IssuedLinkView(@Schema(description = "登录令牌（Bearer 令牌，也是登录链接 token= 之后的部分）") String token,
                                 @Schema(description = "登录链接") String link, String hash, @Nullable Instant expiresAt) {
        static IssuedLinkView of(Credentials.Issued issued, String baseUrl) {
            return new IssuedLinkView(issued.token(), baseUrl + "/login?token=" + java.net.URLEncoder.encode(
                    issued.token(), java.nio.charset.StandardCharsets.UTF_8), issued.credential().hash(),
                    issued.credential().expiresAt());
        }
    }

    @Serdeable
    @Schema(description = "已排队发送的登录链接邮件（只发往登记的邮箱）")
    public record LinkEmailView(@Schema(description = "请求编号") String requestId, Instant requestedAt) {
        static LinkEmailView of(LinkRequest r) {
            return new LinkEmailView(r.id(), r.requestedAt());
        }
    }

    @Serdeable
    @Schema(description = "撤销后的链接")
    public record RevokedLinkView(String hash, @Nullable String unitId, @Nullable String accountId,
                                  @Nullable Instant revokedAt) {
        static RevokedLinkView of(Credential c) {
            return new RevokedLinkView(c.hash(), c.unitId(), c.accountId(), c.revokedAt());
        }
    }

    @Serdeable
    @Schema(description = "统筹人员")
    public record CoordinatorView(@Schema(description = "编号，c- 加10位十六进制") String id, String name, String email,
                                  boolean active, Instant createdAt, @Nullable Instant removedAt,
                                  @Nullable LinkStateView link) {
        static CoordinatorView of(CoordinatorAccount a, @Nullable LinkState link) {
            return new CoordinatorView(a.id(), a.name(), a.email(), a.active(), a.createdAt(), a.removedAt(),
                    link == null ? null : LinkStateView.of(link));
        }
    }

    @Serdeable
    @Schema(description = "一条操作留痕")
    public record AuditEntryView(String id, Instant at,
                                 @Schema(allowableValues = {"COORDINATOR", "UNIT", "OPERATOR", "SYSTEM"}) String actorKind,
                                 String actorId, @Schema(description = "操作人名称") String actorName,
                                 String action, @Schema(description = "操作的中文名") String actionLabel,
                                 @Schema(description = "对象，如 unit:guanyun、coordinator:c-…") String target,
                                 @Nullable String before, @Nullable String after, @Nullable String ip,
                                 @Nullable String userAgent) {
        static AuditEntryView of(AuditEntry e, AdminQueries.Names names) {
            return new AuditEntryView(e.id(), e.at(), e.actor().kind().name(), e.actor().id(), names.of(e.actor()),
                    e.action().name(), e.action().label(), e.target(), e.before(), e.after(), e.ip(), e.userAgent());
        }
    }

    @Serdeable
    @Schema(description = "一个月的操作留痕（北京时间），新的在前")
    public record AuditView(@Schema(description = "月份，YYYY-MM") String month, List<AuditEntryView> entries) {
    }

    @Schema(description = "新增单位")
    public record NewUnitRequest(
            @Schema(description = "单位代码：小写字母或数字，可用连字符；不能更改，不能重复使用", requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "shi-zhujianju") String id,
            @Schema(description = "单位名称", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 60) String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"COUNTY", "CITY_DEPARTMENT", "PARK", "WORK_TEAM"}) String kind,
            @Schema(description = "别名，最多10个") List<String> aliases,
            @Schema(description = "联系人邮箱，最多10个") List<String> contacts,
            String liaisonName, String liaisonPhone) {
    }

    @Schema(description = "修改单位的联系人、联络员和别名（全部替换）")
    public record UnitChangeRequest(
            @Schema(description = "读取时的 version；期间被他人修改则 409 UNIT_CHANGED_MEANWHILE",
                    requiredMode = Schema.RequiredMode.REQUIRED) Long version,
            List<String> aliases, List<String> contacts, String liaisonName, String liaisonPhone) {
    }

    @Schema(description = "新增统筹人员")
    public record CoordinatorRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 60) String name,
                                     @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "zhangsan@lyg.gov.cn")
                                     String email) {
    }

    @Serdeable
    @Schema(description = "统筹人员名单")
    public record CoordinatorsView(@Schema(description = "全部统筹人员（含已移除的）") List<CoordinatorView> coordinators) {
    }

    private static final String REPLAYED = "false：本次新保存（201）；true：重试，返回原先保存的内容（200）";

    @Schema(description = "新增或修改单位的结果")
    public record UnitResult(@Schema(description = REPLAYED) boolean replayed, AdminUnitView item) {
    }

    @Schema(description = "签发的新链接（令牌只在这一次应答中出现）")
    public record IssuedLinkResult(@Schema(description = "总是 false：同一请求不会再次返回令牌") boolean replayed,
                                   IssuedLinkView item) {
    }

    @Schema(description = "发送登录链接的结果")
    public record LinkEmailResult(@Schema(description = REPLAYED) boolean replayed, LinkEmailView item) {
    }

    @Schema(description = "撤销登录链接的结果")
    public record RevokedLinkResult(@Schema(description = REPLAYED) boolean replayed, RevokedLinkView item) {
    }

    @Schema(description = "新增或移除统筹人员的结果")
    public record CoordinatorResult(@Schema(description = REPLAYED) boolean replayed, CoordinatorView item) {
    }
}
