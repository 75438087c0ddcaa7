package cn.lyg.xilian.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** The mail LocalStack's SES accepted ({@code GET /_aws/ses}), parsed as MIME. */
final class SesMailbox {

    record Attachment(String fileName, String contentType, byte[] bytes) {
    }

    record Mail(String sesId, String source, List<String> to, String subject, String messageId, String text,
                List<Attachment> attachments) {
        boolean isTo(String address) {
            return to.stream().anyMatch(a -> a.contains(address));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    SesMailbox(URI endpoint) {
        this.endpoint = endpoint;
    }

    List<Mail> messages() throws Exception {
        String body = http.send(HttpRequest.newBuilder(endpoint.resolve("/_aws/ses")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<Mail> out = new ArrayList<>();
        for (JsonNode m : JSON.readTree(body).path("messages")) {
            String raw = m.path("RawData").asText(null);
            if (raw == null) {
                continue; // SendEmail (not raw): nothing of ours
            }
            MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
            List<String> to = new ArrayList<>();
            if (mime.getAllRecipients() != null) {
                Arrays.stream(mime.getAllRecipients()).forEach(a -> to.add(a.toString()));
            }
            List<Attachment> attachments = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            walk(mime, attachments, text);
            out.add(new Mail(m.path("Id").asText(), m.path("Source").asText(), to, mime.getSubject(),
                    mime.getMessageID(), text.toString(), attachments));
        }
        return out;
    }

    void clear() throws Exception {
        http.send(HttpRequest.newBuilder(endpoint.resolve("/_aws/ses")).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }

    private static void walk(Part part, List<Attachment> attachments, StringBuilder text) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, attachments, text);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
            attachments.add(new Attachment(MimeUtility.decodeText(part.getFileName()), part.getContentType(),
                    part.getInputStream().readAllBytes()));
        } else if (part.isMimeType("text/*")) {
            text.append(part.getContent()).append('\n');
        }
    }
}
