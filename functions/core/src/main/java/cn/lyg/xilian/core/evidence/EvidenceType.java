package cn.lyg.xilian.core.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The file types accepted as 佐证材料, recognised by their content (magic bytes), never by their name. Office
 * Open XML files are ZIP archives told apart by their main part; the older binary Office formats share one
 * container (OLE2), where the name's extension (.doc/.xls) only chooses between the two once the content is known
 * to be OLE2.
 */
public enum EvidenceType {
    JPEG("image/jpeg", "jpg", "图片"),
    PNG("image/png", "png", "图片"),
    PDF("application/pdf", "pdf", "PDF"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "Word"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "Excel"),
    DOC("application/msword", "doc", "Word"),
    XLS("application/vnd.ms-excel", "xls", "Excel");

    private final String contentType;
    private final String extension;
    private final String label;

    EvidenceType(String contentType, String extension, String label) {
        this.contentType = contentType;
        this.extension = extension;
        this.label = label;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public String label() {
        return label;
    }

    /** What the bytes are, if one of the accepted types. */
    public static Optional<EvidenceType> detect(byte[] content, String displayName) {
        if (starts(content, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (starts(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (starts(content, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(PDF);
        }
        if (starts(content, 'P', 'K', 0x03, 0x04)) {
            // The main part's name appears in a local file header of every real .docx / .xlsx.
            if (contains(content, "word/document.xml")) {
                return Optional.of(DOCX);
            }
            if (contains(content, "xl/workbook.xml")) {
                return Optional.of(XLSX);
            }
            return Optional.empty(); // some other ZIP
        }
        if (starts(content, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            String name = displayName == null ? "" : displayName.toLowerCase(Locale.ROOT);
            return Optional.of(name.endsWith(".xls") || name.endsWith(".et") ? XLS : DOC);
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] content, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= content.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (content[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
