package cn.lyg.xilian.core.chat;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One group-chat message as composed for one vendor: a short title (钉钉's conversation preview, 飞书's card header)
 * and the markdown body, already within that vendor's limit ({@link ChatComposer#limitBytes}).
 */
public record ChatMessage(String title, String markdown) {

    public ChatMessage {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(markdown, "markdown");
    }

    public int bytes() {
        return markdown.getBytes(StandardCharsets.UTF_8).length;
    }
}
