package cn.lyg.xilian.core.admin;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.audit.Actor;
import cn.lyg.xilian.core.audit.AuditAction;
import cn.lyg.xilian.core.audit.AuditEntry;
import cn.lyg.xilian.core.audit.AuditLog;
import cn.lyg.xilian.core.audit.AuditTrail;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.chat.ChatRobot;
import cn.lyg.xilian.core.chat.ChatVendor;
import cn.lyg.xilian.core.chat.RobotSetting;
import cn.lyg.xilian.core.chat.SecretSealer;
import cn.lyg.xilian.core.progress.FieldError;
import cn.lyg.xilian.core.progress.IdempotencyKey;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.core.supervision.Write;
import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 群机器人 (coordinators only): which group robot each audience — the coordinators' group, each unit's group — gets
 * its alerts through. The webhook URL and the secret are sealed here, before anything is stored, and never given back:
 * what a page shows is the vendor, the masked webhook and whether a secret is set. Every change goes on the audit
 * trail first (the masked parts only), then is written conditionally on the version the form was filled from.
 */
public class ConfigureRobots {

    public static final int MAX_WEBHOOK = 1000;
    public static final int MAX_SECRET = 200;
    /** An audience's key in a path: {@code coordinators} or {@code unit:<unit id>} ({@link Unit#validId}). */
    public static final Pattern AUDIENCE_KEY = Pattern.compile("coordinators|unit:[a-z0-9]+(-[a-z0-9]+)*");

    private final UnitDirectory units;
    private final RobotSettings store;
    private final SecretSealer sealer;
    private final AuditLog audit;
    private final Clock clock;

    public ConfigureRobots(UnitDirectory units, RobotSettings store, SecretSealer sealer, AuditLog audit,
                           Clock clock) {
        this.units = units;
        this.store = store;
        this.sealer = sealer;
        this.audit = audit;
        this.clock = clock;
    }

    /** The form as typed; a blank secret keeps the stored one. */
    public record RobotInput(@Nullable String vendor, @Nullable String webhookUrl, @Nullable String secret) {
        @Override
        public String toString() {
            return "RobotInput[" + vendor + "]";
        }
    }

    /**
     * One audience and its robot, if any.
     *
     * @param name          the group as people call it (统筹人员群, a unit's name)
     * @param active        false for a deactivated unit (its robot, if kept, sends nothing)
     * @param updatedByName who saved the robot last, as the trail names them (null: no robot)
     */
    public record Row(Audience audience, String name, boolean active, @Nullable RobotSetting setting,
                      @Nullable String updatedByName) {
        /** 钉钉 and 飞书 robots are usually created with 加签; one saved without a secret is noted on the page. */
        public boolean unsignedSignable() {
            return setting != null && !setting.signed() && setting.vendor() != ChatVendor.WECOM;
        }

        public long version() {
            return setting == null ? 0 : setting.version();
        }
    }

    public static final String COORDINATORS_GROUP = "统筹人员群（市发改委）";

    /** Every audience (the coordinators first, then the units in the directory's order), with one Query. */
    public List<Row> overview() {
        Directory.Contents contents = units.contents();
        List<Row> rows = new ArrayList<>();
        rows.add(rowOf(contents, Audience.COORDINATORS, COORDINATORS_GROUP, true));
        for (UnitProfile u : contents.units()) {
            rows.add(rowOf(contents, Audience.unit(u.id()), u.name(), u.active()));
        }
        return List.copyOf(rows);
    }

    /** The audience named by a path's key: empty for a key outside the grammar or a unit not in the directory. */
    public Optional<Row> row(@Nullable String audienceKey) {
        if (audienceKey == null || !AUDIENCE_KEY.matcher(audienceKey).matches()) {
            return Optional.empty();
        }
        Audience audience = Audience.ofKey(audienceKey);
        Directory.Contents contents = units.contents();
        if (audience.isCoordinators()) {
            return Optional.of(rowOf(contents, audience, COORDINATORS_GROUP, true));
        }
        return contents.units().stream().filter(u -> u.id().equals(audience.unitId())).findFirst()
                .map(u -> rowOf(contents, audience, u.name(), u.active()));
    }

    private static Row rowOf(Directory.Contents contents, Audience audience, String name, boolean active) {
        RobotSetting setting = contents.robot(audience).orElse(null);
        String by = setting == null ? null : contents.coordinators().stream()
                .filter(c -> c.id().equals(setting.updatedBy())).map(CoordinatorAccount::name).findFirst()
                .orElse(setting.updatedBy().equals(Actor.UNNAMED_COORDINATOR) ? "统筹人员" : setting.updatedBy());
        return new Row(audience, name, active, setting, by);
    }

    /** Sets or replaces the audience's robot; {@code version} is the stored one the form was filled from (0: none). */
    public Outcome<RobotSetting> save(Principal who, String audienceKey, long version, RobotInput in, String key) {
        if (!who.coordinator()) {
            return new Outcome.Forbidden<>("COORDINATOR_ONLY", "仅市发改委统筹人员可以设置群机器人");
        }
        Optional<Row> row = row(audienceKey);
        if (row.isEmpty()) {
            return new Outcome.NotFound<>("UNKNOWN_AUDIENCE", "没有这个群（单位代码有误）");
        }
        Audience audience = row.get().audience();
        RobotSetting stored = row.get().setting();
        List<FieldError> errors = new ArrayList<>();
        ChatVendor vendor = vendor(in.vendor(), errors);
        String webhook = webhook(in.webhookUrl(), errors);
        String secret = in.secret() == null || in.secret().isBlank() ? null : in.secret().strip();
        if (secret != null && (secret.length() > MAX_SECRET || !secret.chars().allMatch(c -> c > 32 && c < 127))) {
            errors.add(new FieldError("secret", "SECRET_INVALID",
                    "加签密钥应为机器人设置页显示的一串字母和数字（不超过 " + MAX_SECRET + " 个字符，不含空格）"));
        }
        if (!IdempotencyKey.isValid(key)) {
            errors.add(new FieldError("key", "KEY_INVALID", "请求缺少有效的幂等键，请刷新页面后重试"));
        }
        if (!errors.isEmpty()) {
            return new Outcome.Invalid<>(List.copyOf(errors));
        }
        String masked = new ChatRobot(vendor, webhook, secret).maskedWebhook();
        if (stored != null && stored.version() == version + 1 && stored.vendor() == vendor
                && stored.maskedWebhook().equals(masked) && stored.updatedBy().equals(Actor.of(who).id())
                && (secret == null || stored.signed())) {
            // this change by the same person has landed (a retry after a lost answer): nothing new to write
            return new Outcome.Done<>(stored, true);
        }
        if (version != (stored == null ? 0 : stored.version())) {
            // stale: told before anything goes on the trail
            return changedMeanwhile(Optional.ofNullable(stored));
        }
        // A blank secret keeps the stored one (the form never shows it back).
        String sealedSecret = secret != null ? sealer.seal(secret, RobotSetting.secretContext(audience))
                : stored == null ? null : stored.sealedSecret();
        Instant now = clock.instant();
        RobotSetting next = new RobotSetting(audience, vendor, sealer.seal(webhook,
                RobotSetting.webhookContext(audience)), sealedSecret, masked, version + 1, now, Actor.of(who).id());
        boolean first = audit(who, AuditAction.ROBOT_SAVED, audience, key,
                stored == null ? null : stored.describe(), next.describe(), now);
        return switch (store.save(next)) {
            case Write.Stored<Optional<RobotSetting>> s -> new Outcome.Done<>(s.value().orElse(next), false);
            case Write.Taken<Optional<RobotSetting>> t -> !first && t.value().isPresent()
                    && t.value().get().version() == next.version() && t.value().get().vendor() == vendor
                    && t.value().get().maskedWebhook().equals(masked)
                    ? new Outcome.Done<>(t.value().get(), true)
                    : changedMeanwhile(t.value());
        };
    }

    private static Outcome<RobotSetting> changedMeanwhile(Optional<RobotSetting> stored) {
        return new Outcome.Conflict<>("ROBOT_CHANGED_MEANWHILE", "该群机器人已被他人修改（现为："
                + stored.map(RobotSetting::describe).orElse("未设置") + "）。请核对后重新保存");
    }

    /** Removes the audience's robot (its alerts then go by email only); nothing stored: a replay. */
    public Outcome<Audience> remove(Principal who, String audienceKey, long version, String key) {
        if (!who.coordinator()) {
            return new Outcome.Forbidden<>("COORDINATOR_ONLY", "仅市发改委统筹人员可以设置群机器人");
        }
        Optional<Row> row = row(audienceKey);
        if (row.isEmpty()) {
            return new Outcome.NotFound<>("UNKNOWN_AUDIENCE", "没有这个群（单位代码有误）");
        }
        if (!IdempotencyKey.isValid(key)) {
            return new Outcome.Invalid<>(List.of(new FieldError("key", "KEY_INVALID",
                    "请求缺少有效的幂等键，请刷新页面后重试")));
        }
        Audience audience = row.get().audience();
        RobotSetting stored = row.get().setting();
        if (stored == null) {
            return new Outcome.Done<>(audience, true);
        }
        if (stored.version() != version) {
            return new Outcome.Conflict<>("ROBOT_CHANGED_MEANWHILE", "该群机器人已被他人修改（现为："
                    + stored.describe() + "）。请刷新后再决定是否移除");
        }
        Instant now = clock.instant();
        audit(who, AuditAction.ROBOT_REMOVED, audience, key, stored.describe(), "未设置", now);
        Optional<RobotSetting> changed = store.delete(audience, version);
        return changed.<Outcome<Audience>>map(c -> new Outcome.Conflict<>("ROBOT_CHANGED_MEANWHILE",
                "该群机器人已被他人修改（现为：" + c.describe() + "）。请刷新后再决定是否移除"))
                .orElseGet(() -> new Outcome.Done<>(audience, false));
    }

    private boolean audit(Principal who, AuditAction action, Audience audience, String key, @Nullable String before,
                          @Nullable String after, Instant now) {
        String target = audience.key();
        return audit.record(AuditEntry.of(AuditTrail.entryId(action, target, key), now, who, action, target, before,
                after));
    }

    private static ChatVendor vendor(@Nullable String raw, List<FieldError> errors) {
        for (ChatVendor v : ChatVendor.values()) {
            if (v.name().equals(raw)) {
                return v;
            }
        }
        errors.add(new FieldError("vendor", "VENDOR_INVALID", "请选择机器人类型：企业微信、钉钉或飞书"));
        return ChatVendor.WECOM;
    }

    /**
     * An absolute https URL with a host and nothing of a user's in it; plain http only to this machine (the local
     * run's stub robots): the URL carries the robot's token, which must not cross a network in the clear.
     */
    static String webhook(@Nullable String raw, List<FieldError> errors) {
        String v = raw == null ? "" : raw.strip();
        String wrong = null;
        if (v.isEmpty()) {
            wrong = "请填写机器人的 Webhook 地址（在群设置的机器人详情中复制）";
        } else if (v.length() > MAX_WEBHOOK || v.chars().anyMatch(c -> c <= 32 || c == 127)) {
            wrong = "Webhook 地址不能超过 " + MAX_WEBHOOK + " 个字符，且不能含空格";
        } else {
            try {
                URI uri = new URI(v);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                String host = uri.getHost();
                if (!scheme.equals("https") && !scheme.equals("http") || host == null) {
                    wrong = "Webhook 地址应以 https:// 开头，如 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…";
                } else if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                    wrong = "Webhook 地址不能含用户名或 # 片段";
                } else if (scheme.equals("http") && !loopback(host)) {
                    wrong = "Webhook 地址须使用 https（地址中含机器人的令牌，不能明文传输）";
                }
            } catch (URISyntaxException e) {
                wrong = "这不是有效的网址，请从机器人详情中完整复制 Webhook 地址";
            }
        }
        if (wrong != null) {
            errors.add(new FieldError("webhookUrl", "WEBHOOK_INVALID", wrong));
            return "https://invalid.invalid/";
        }
        return v;
    }

    private static boolean loopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }
}
