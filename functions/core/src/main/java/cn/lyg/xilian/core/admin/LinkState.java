package cn.lyg.xilian.core.admin;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.access.Credential;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The state of a unit's (or a coordinator's) sign-in links, as 单位与账号管理 shows it: 有效, N天后到期 (within
 * {@value #SOON_DAYS} days), 已过期, 已撤销, 未签发. The live link that lasts longest decides.
 */
public record LinkState(Kind kind, @Nullable Instant expiresAt, int daysLeft) {

    public static final int SOON_DAYS = 14;

    public enum Kind { VALID, EXPIRING, EXPIRED, REVOKED, NONE }

    public static LinkState of(List<Credential> credentials, Instant now) {
        Optional<Credential> live = credentials.stream().filter(c -> !c.revoked() && !c.expiredAt(now))
                .max(Comparator.comparing(c -> c.expiresAt() == null ? Instant.MAX : c.expiresAt()));
        if (live.isPresent()) {
            Instant end = live.get().expiresAt();
            if (end == null) {
                return new LinkState(Kind.VALID, null, Integer.MAX_VALUE);
            }
            int days = (int) ChronoUnit.DAYS.between(LocalDate.ofInstant(now, PlanTime.ZONE),
                    LocalDate.ofInstant(end, PlanTime.ZONE));
            return new LinkState(days <= SOON_DAYS ? Kind.EXPIRING : Kind.VALID, end, days);
        }
        Optional<Credential> last = credentials.stream().max(Comparator.comparing(Credential::issuedAt));
        if (last.isEmpty()) {
            return new LinkState(Kind.NONE, null, 0);
        }
        return new LinkState(last.get().revoked() ? Kind.REVOKED : Kind.EXPIRED, last.get().expiresAt(), 0);
    }

    public String label() {
        return switch (kind) {
            case VALID -> "有效";
            case EXPIRING -> daysLeft <= 0 ? "今天到期" : daysLeft + "天后到期";
            case EXPIRED -> "已过期";
            case REVOKED -> "已撤销";
            case NONE -> "未签发";
        };
    }
}
