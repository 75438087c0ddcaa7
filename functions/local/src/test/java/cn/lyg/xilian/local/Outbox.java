package cn.lyg.xilian.local;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** The local run's .eml outbox as the browser tests read it: each message as its subject and decoded text parts. */
final class Outbox {

    private Outbox() {
    }

    /**
     * Every message to {@code address}, oldest file first, as its subject and the text parts of the MIME types
     * {@code textTypes} matches ("text/plain", or "text/*" for the HTML too); empty before the first email.
     */
    static List<String> to(Path data, String address, String textTypes) throws Exception {
        List<String> out = new ArrayList<>();
        Path outbox = data.resolve("outbox");
        if (!Files.isDirectory(outbox)) {
            return out;
        }
        try (Stream<Path> files = Files.list(outbox)) {
            for (Path f : files.sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
                    if (m.getAllRecipients() != null && Arrays.stream(m.getAllRecipients())
                            .anyMatch(a -> a.toString().equals(address))) {
                        StringBuilder text = new StringBuilder(m.getSubject()).append('\n');
                        collectText(m, textTypes, text);
                        out.add(text.toString());
                    }
                }
            }
        }
        return out;
    }

    private static void collectText(Part part, String textTypes, StringBuilder text) throws Exception {
        if (part.isMimeType(textTypes)) {
            text.append(part.getContent()).append('\n');
        } else if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                collectText(mp.getBodyPart(i), textTypes, text);
            }
        }
    }
}
