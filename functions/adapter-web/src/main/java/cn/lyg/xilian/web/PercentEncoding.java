package cn.lyg.xilian.web;

import java.nio.charset.StandardCharsets;

/** Percent-encoding of UTF-8 bytes, keeping ASCII letters, digits and a given set of characters. */
final class PercentEncoding {

    private PercentEncoding() {
    }

    static String encode(String value, String keep) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || keep.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
