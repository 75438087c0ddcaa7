package cn.lyg.xilian.web.http;

import io.micronaut.http.HttpStatus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A multipart/form-data body (RFC 7578) parsed from its bytes, the same way on Netty and behind the Lambda proxy.
 * Text fields must be UTF-8; file parts keep the name the browser sent (decoded as UTF-8, as browsers send it).
 */
public final class Multipart {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

    public record FilePart(String field, String filename, byte[] content) {
    }

    private final Map<String, List<String>> fields = new LinkedHashMap<>();
    private final List<FilePart> files = new ArrayList<>();

    public Map<String, List<String>> fields() {
        return fields;
    }

    public List<FilePart> files() {
        return files;
    }

    public static Multipart parse(String contentType, byte[] body) {
        Matcher b = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (b == null || !contentType.toLowerCase().startsWith("multipart/form-data") || !b.find()) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    "请求内容类型须为 multipart/form-data");
        }
        byte[] delimiter = ("--" + b.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        Multipart out = new Multipart();
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw malformed();
        }
        while (true) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                return out; // closing delimiter
            }
            start += 2; // CRLF after the delimiter
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            if (headersEnd < 0) {
                throw malformed();
            }
            String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
            int next = indexOf(body, ("\r\n" + new String(delimiter, StandardCharsets.ISO_8859_1))
                    .getBytes(StandardCharsets.ISO_8859_1), headersEnd + 4);
            if (next < 0) {
                throw malformed();
            }
            byte[] content = java.util.Arrays.copyOfRange(body, headersEnd + 4, next);
            Matcher name = NAME.matcher(headers);
            if (!name.find()) {
                throw malformed();
            }
            Matcher filename = FILENAME.matcher(headers);
            if (filename.find()) {
                if (!filename.group(1).isEmpty() || content.length > 0) { // an empty file input sends neither
                    out.files.add(new FilePart(name.group(1), filename.group(1), content));
                }
            } else {
                out.fields.computeIfAbsent(name.group(1), k -> new ArrayList<>()).add(RequestBodies.strictUtf8(content));
            }
            at = next + 2;
        }
    }

    public String field(String name) {
        List<String> v = fields.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static ApiException malformed() {
        return new ApiException(HttpStatus.BAD_REQUEST, "MULTIPART_MALFORMED", "上传内容格式有误");
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
