package cn.lyg.xilian.core.evidence;

import cn.lyg.xilian.core.progress.FieldError;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceRulesTest {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    static byte[] zip(String... entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String e : entries) {
                z.putNextEntry(new ZipEntry(e));
                z.write("<x/>".getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void typesAreTakenFromTheContentNotTheName() throws Exception {
        assertThat(EvidenceType.detect(JPEG, "合同.pdf")).contains(EvidenceType.JPEG);
        assertThat(EvidenceType.detect(PDF, "现场照片.jpg")).contains(EvidenceType.PDF);
        assertThat(EvidenceType.detect(zip("[Content_Types].xml", "word/document.xml"), "a.xlsx")).contains(EvidenceType.DOCX);
        assertThat(EvidenceType.detect(zip("[Content_Types].xml", "xl/workbook.xml"), "a.docx")).contains(EvidenceType.XLSX);
        assertThat(EvidenceType.detect(zip("payload.exe"), "报告.docx")).as("another ZIP").isEmpty();
        assertThat(EvidenceType.detect("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1), "照片.jpg")).isEmpty();
        assertThat(EvidenceType.detect("<html><script>".getBytes(StandardCharsets.UTF_8), "说明.pdf")).isEmpty();
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0};
        assertThat(EvidenceType.detect(ole2, "台账.xls")).contains(EvidenceType.XLS);
        assertThat(EvidenceType.detect(ole2, "协议.doc")).contains(EvidenceType.DOC);
    }

    @Test
    void chineseNamesAreKeptPathsAreCutAndInvisibleCharactersRemoved() {
        assertThat(EvidenceNames.label("签约协议（盖章版）.pdf")).contains("签约协议（盖章版）.pdf");
        assertThat(EvidenceNames.label("C:\\Users\\张三\\Desktop\\现场照片.jpg")).contains("现场照片.jpg");
        assertThat(EvidenceNames.label("../../etc/passwd")).contains("passwd");
        assertThat(EvidenceNames.label("..")).isEmpty();
        assertThat(EvidenceNames.label("dir/")).isEmpty();
        // Issue 19: controls and other invisible characters are removed from a name, no longer a reason to refuse it.
        assertThat(EvidenceNames.label("a\u0000b.pdf")).contains("ab.pdf");
        assertThat(EvidenceNames.label("报告\r\n.pdf")).contains("报告.pdf");
        assertThat(EvidenceNames.label("\u202E\u200B")).isEmpty();
        assertThat(EvidenceNames.label("长".repeat(121))).isEmpty();
        // The storage key is made of ids only, whatever the name.
        assertThat(EvidenceKeys.storageKey(new ReportRef(2026, "2.5", "guanyun", "report-key-1"), "f1f1f1f1f1f1f1f1",
                EvidenceType.PDF)).isEqualTo("evidence/2026/2.5/guanyun/report-key-1/f1f1f1f1f1f1f1f1.pdf");
    }

    @Test
    void everyHostileFileGetsItsOwnErrorAndNothingPasses() {
        List<EvidenceRules.Checked> accepted = new ArrayList<>();
        List<FieldError> errors = EvidenceRules.check(List.of(
                upload("照片.jpg", JPEG),
                upload("空.pdf", new byte[0]),
                upload("脚本.pdf", "#!/bin/sh".getBytes(StandardCharsets.UTF_8)),
                upload("..", PDF),
                upload("大.pdf", big())), accepted);
        assertThat(errors).extracting(FieldError::field, FieldError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("files[1]", "FILE_EMPTY"),
                org.assertj.core.groups.Tuple.tuple("files[2]", "FILE_TYPE_NOT_ALLOWED"),
                org.assertj.core.groups.Tuple.tuple("files[3]", "FILE_NAME_INVALID"),
                org.assertj.core.groups.Tuple.tuple("files[4]", "FILE_TOO_LARGE"));
        assertThat(errors.get(1).message()).contains("脚本.pdf");
        assertThat(errors.get(3).message()).contains("大.pdf").contains("超过20MB");

        List<EvidenceRules.Checked> ok = new ArrayList<>();
        assertThat(EvidenceRules.check(List.of(upload("照片.jpg", JPEG), upload("协议.pdf", PDF)), ok)).isEmpty();
        assertThat(ok).extracting(EvidenceRules.Checked::savedName, EvidenceRules.Checked::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("照片.jpg", EvidenceType.JPEG),
                        org.assertj.core.groups.Tuple.tuple("协议.pdf", EvidenceType.PDF));
        assertThat(EvidenceRules.check(List.of(), new ArrayList<>())).extracting(FieldError::code)
                .containsExactly("FILE_REQUIRED");
    }

    /** An upload as the receiver hands it over: size and first bytes known, the content in memory here. */
    static EvidenceRules.Upload upload(String name, byte[] content) {
        byte[] sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new EvidenceRules.Upload(name, content.length,
                java.util.Arrays.copyOf(content, Math.min(content.length, EvidenceRules.TYPE_PROBE_BYTES)), sha,
                () -> new java.io.ByteArrayInputStream(content));
    }

    private static byte[] big() {
        byte[] b = new byte[(int) EvidenceRules.MAX_FILE_BYTES + 1];
        System.arraycopy(PDF, 0, b, 0, PDF.length);
        return b;
    }
}
