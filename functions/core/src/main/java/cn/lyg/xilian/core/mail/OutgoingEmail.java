package cn.lyg.xilian.core.mail;

import java.util.List;

/**
 * A finished email: the MIME bytes are built once by the renderer and handed unchanged to any
 * transport, so SES, SMTP and the outbox all carry exactly the same message.
 *
 * @param messageId the Message-ID header without angle brackets
 * @param to        the envelope recipients
 */
public record OutgoingEmail(String messageId, List<String> to, byte[] mime) {
    public OutgoingEmail {
        to = List.copyOf(to);
        mime = mime.clone();
    }

    @Override
    public byte[] mime() {
        return mime.clone();
    }
}
