package cn.lyg.xilian.web.http;

import io.micronaut.http.HttpStatus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A multipart/form-data body (RFC 7578) read as a stream, the same way on Netty and behind the Lambda proxy. File
 * parts go to temporary files as they arrive — a body is never held in memory whole — each cut off at its limit
 * (what exceeds it is read and dropped, so the client still gets an answer); text fields must be UTF-8 and are
 * capped. {@link #close()} deletes the temporary files.
 */
public final class Multipart implements AutoCloseable {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]{1,70})\"?");
    private static final Pattern NAME = Pattern.compile("(?i)[; ]name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i)filename=\"([^\"]*)\"");
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_FIELD_BYTES = 64 * 1024;
    private static final int BUFFER = 64 * 1024;

    /** How much of a body is kept: files per request, bytes per file, and the first bytes kept in memory. */
    public record Limits(int maxFiles, long maxFileBytes, int headBytes) {
    }

    /**
     * One file part: the name the browser sent, its size ({@code > maxFileBytes} when it was cut off: then
     * {@code path} is null and nothing of it is kept), its first bytes and the SHA-256 of its content.
     */
    public record FilePart(String field, String filename, long size, byte[] head, byte[] sha256, Path path) {
        public boolean cutOff() {
            return path == null;
        }
    }

    private final Map<String, List<String>> fields = new LinkedHashMap<>();
    private final List<FilePart> files = new ArrayList<>();
    private int droppedFiles;

    private Multipart() {
    }

    public Map<String, List<String>> fields() {
        return fields;
    }

    public List<FilePart> files() {
        return files;
    }

    /** File parts beyond {@link Limits#maxFiles}: read and dropped, counted so the answer can say so. */
    public int droppedFiles() {
        return droppedFiles;
    }

    public String field(String name) {
        List<String> v = fields.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Reads the whole body; file parts go to temporary files in {@code tempDir}. */
    public static Multipart read(String contentType, InputStream body, Limits limits, Path tempDir) {
        Matcher b = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (b == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data") || !b.find()) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    "请求内容类型须为 multipart/form-data");
        }
        Multipart out = new Multipart();
        try {
            new Reader(body, ("\r\n--" + b.group(1)).getBytes(StandardCharsets.ISO_8859_1)).readInto(out, limits, tempDir);
            return out;
        } catch (IOException e) {
            out.close();
            throw malformed();
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    @Override
    public void close() {
        for (FilePart f : files) {
            if (f.path() != null) {
                try {
                    Files.deleteIfExists(f.path());
                } catch (IOException ignored) {
                    // the temporary folder is the system's: a leftover is its to clean
                }
            }
        }
    }

    static ApiException malformed() {
        return new ApiException(HttpStatus.BAD_REQUEST, "MULTIPART_MALFORMED", "上传内容格式有误");
    }

    /** The stream split at the delimiter {@code CRLF--boundary}; the body is read as if it began with a CRLF. */
    private static final class Reader {
        private final InputStream in;
        private final byte[] delimiter;
        private final byte[] buf;
        private int start;
        private int end;
        private boolean eof;

        Reader(InputStream in, byte[] delimiter) {
            this.in = in;
            this.delimiter = delimiter;
            this.buf = new byte[BUFFER + delimiter.length];
            buf[0] = '\r';
            buf[1] = '\n';
            end = 2;
        }

        void readInto(Multipart out, Limits limits, Path tempDir) throws IOException {
            copyUntilDelimiter(OutputStream.nullOutputStream(), Long.MAX_VALUE); // the preamble
            while (true) {
                byte[] after = take(2);
                if (after[0] == '-' && after[1] == '-') {
                    copyUntilEof(); // the epilogue
                    return;
                }
                if (after[0] != '\r' || after[1] != '\n') {
                    throw malformed();
                }
                String headers = headers();
                Matcher name = NAME.matcher(headers);
                if (!name.find()) {
                    throw malformed();
                }
                Matcher filename = FILENAME.matcher(headers);
                if (!filename.find()) {
                    ByteArrayOutputStream value = new ByteArrayOutputStream();
                    if (copyUntilDelimiter(value, MAX_FIELD_BYTES) > MAX_FIELD_BYTES) {
                        throw new ApiException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "FIELD_TOO_LARGE", "表单字段内容过长");
                    }
                    out.fields.computeIfAbsent(name.group(1), k -> new ArrayList<>())
                            .add(RequestBodies.strictUtf8(value.toByteArray()));
                } else if (out.files.size() >= limits.maxFiles()) {
                    if (copyUntilDelimiter(OutputStream.nullOutputStream(), Long.MAX_VALUE) > 0
                            || !filename.group(1).isEmpty()) {
                        out.droppedFiles++;
                    }
                } else {
                    file(out, name.group(1), filename.group(1), limits, tempDir);
                }
            }
        }

        private void file(Multipart out, String field, String filename, Limits limits, Path tempDir) throws IOException {
            Path tmp = Files.createTempFile(tempDir, "xilian-upload-", ".part");
            MessageDigest sha = sha256();
            HeadKeeper head = new HeadKeeper(limits.headBytes());
            long size;
            try (OutputStream file = Files.newOutputStream(tmp)) {
                size = copyUntilDelimiter(new DigestOutputStream(new Tee(file, head), sha), limits.maxFileBytes());
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            if (filename.isEmpty() && size == 0) { // an empty file input sends a part with neither
                Files.deleteIfExists(tmp);
                return;
            }
            if (size > limits.maxFileBytes()) {
                Files.deleteIfExists(tmp); // nothing of a file over the limit stays on disk
                out.files.add(new FilePart(field, filename, size, head.bytes(), null, null));
            } else {
                out.files.add(new FilePart(field, filename, size, head.bytes(), sha.digest(), tmp));
            }
        }

        /** Part headers up to the blank line, as UTF-8 (browsers send file names so). */
        private String headers() throws IOException {
            ByteArrayOutputStream h = new ByteArrayOutputStream();
            while (true) {
                int i = indexOf(buf, start, end, CRLFCRLF);
                if (i >= 0) {
                    h.write(buf, start, i - start);
                    start = i + 4;
                    if (h.size() > MAX_HEADER_BYTES) {
                        throw malformed();
                    }
                    return h.toString(StandardCharsets.UTF_8);
                }
                int safe = Math.max(start, end - 3);
                h.write(buf, start, safe - start);
                start = safe;
                if (h.size() > MAX_HEADER_BYTES) {
                    throw malformed();
                }
                compact();
                if (!fill()) {
                    throw malformed();
                }
            }
        }

        /**
         * Copies the content up to the next delimiter into {@code sink}, at most {@code max} bytes (the rest is
         * read and counted only). Returns the content's full length; a body that ends first is malformed.
         */
        private long copyUntilDelimiter(OutputStream sink, long max) throws IOException {
            long total = 0;
            while (true) {
                if (end - start < delimiter.length) {
                    compact();
                    if (!fill() && end - start < delimiter.length) {
                        throw malformed();
                    }
                    continue;
                }
                int i = indexOf(buf, start, end, delimiter);
                int upTo = i >= 0 ? i : end - delimiter.length + 1;
                int n = upTo - start;
                if (total < max) {
                    sink.write(buf, start, (int) Math.min(n, max - total));
                }
                total += n;
                start = upTo;
                if (i >= 0) {
                    start += delimiter.length;
                    return total;
                }
                compact();
                fill();
            }
        }

        private void copyUntilEof() throws IOException {
            start = end;
            in.transferTo(OutputStream.nullOutputStream());
        }

        private byte[] take(int n) throws IOException {
            while (end - start < n) {
                compact();
                if (!fill()) {
                    throw malformed();
                }
            }
            byte[] b = Arrays.copyOfRange(buf, start, start + n);
            start += n;
            return b;
        }

        private void compact() {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
        }

        /** Reads more into the buffer; false at the end of the body. */
        private boolean fill() throws IOException {
            if (eof) {
                return false;
            }
            if (end == buf.length) {
                return true; // full: the caller consumes before it asks again
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                eof = true;
                return false;
            }
            end += n;
            return true;
        }
    }

    private static final byte[] CRLFCRLF = {'\r', '\n', '\r', '\n'};

    private static int indexOf(byte[] data, int from, int to, byte[] pattern) {
        byte first = pattern[0];
        outer:
        for (int i = from; i + pattern.length <= to; i++) {
            if (data[i] != first) {
                continue;
            }
            for (int j = 1; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** Keeps the first bytes written. */
    private static final class HeadKeeper extends OutputStream {
        private final byte[] head;
        private int n;

        HeadKeeper(int size) {
            head = new byte[size];
        }

        @Override
        public void write(int b) {
            if (n < head.length) {
                head[n++] = (byte) b;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            int k = Math.min(len, head.length - n);
            if (k > 0) {
                System.arraycopy(b, off, head, n, k);
                n += k;
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(head, n);
        }
    }

    /** Writes to both. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] x, int off, int len) throws IOException {
            a.write(x, off, len);
            b.write(x, off, len);
        }
    }
}
