package cn.lyg.xilian.core.chat;

import cn.lyg.xilian.core.alert.Audience;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Objects;

/**
 * A group robot as the directory stores it (item {@code DIR} / {@code CHAT#<audience key>}): the vendor in the
 * clear, the webhook URL and the signing secret only sealed ({@link SecretSealer}), and the masked webhook a page
 * may show (computed when it was saved, so the API, which may not decrypt, can show it).
 *
 * @param version   +1 per stored change, the condition of the next (two coordinators at once: the second is told)
 * @param updatedBy the actor id of who saved it last (a coordinator account's id)
 */
public record RobotSetting(Audience audience, ChatVendor vendor, String sealedWebhook, @Nullable String sealedSecret,
                           String maskedWebhook, long version, Instant updatedAt, String updatedBy) {

    public RobotSetting {
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(sealedWebhook, "sealedWebhook");
        Objects.requireNonNull(maskedWebhook, "maskedWebhook");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
    }

    /** The sealing context of the webhook: the audience and the part, so sealed values cannot be moved around. */
    public static String webhookContext(Audience audience) {
        return "robot:" + audience.key() + ":webhook";
    }

    public static String secretContext(Audience audience) {
        return "robot:" + audience.key() + ":secret";
    }

    public boolean signed() {
        return sealedSecret != null;
    }

    /** Opens the sealed parts (the jobs; the API function has no right to). */
    public ChatRobot open(SecretSealer sealer) {
        return new ChatRobot(vendor, sealer.open(sealedWebhook, webhookContext(audience)),
                sealedSecret == null ? null : sealer.open(sealedSecret, secretContext(audience)));
    }

    /** For the audit trail: what a reader may know, never the URL's token or the secret. */
    public String describe() {
        return vendor.label() + " " + maskedWebhook + "；加签：" + (signed() ? "已设置" : "未设置");
    }

    @Override
    public String toString() {
        return "RobotSetting[" + audience.key() + " " + vendor + " " + maskedWebhook + " v" + version + "]";
    }
}
