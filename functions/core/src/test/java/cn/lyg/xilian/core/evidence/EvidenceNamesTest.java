package cn.lyg.xilian.core.evidence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceNamesTest {

    @Test
    void theSavedExtensionFollowsTheDetectedTypeWhateverTheUploaderWrote() {
        assertThat(EvidenceNames.saved("说明.hta", EvidenceType.PDF)).isEqualTo("说明.pdf");
        assertThat(EvidenceNames.saved("整改报告.html", EvidenceType.PDF)).isEqualTo("整改报告.pdf");
        assertThat(EvidenceNames.saved("现场照片.JPEG", EvidenceType.JPEG)).isEqualTo("现场照片.jpg");
        assertThat(EvidenceNames.saved("台账", EvidenceType.XLSX)).isEqualTo("台账.xlsx");
        assertThat(EvidenceNames.saved("方案.v2.docx", EvidenceType.DOCX)).isEqualTo("方案.v2.docx");
        assertThat(EvidenceNames.saved(".bashrc", EvidenceType.PNG)).isEqualTo("佐证材料.png");
        assertThat(EvidenceNames.saved("照片..", EvidenceType.PNG)).isEqualTo("照片.png");
    }

    @Test
    void bidiOverridesAndOtherInvisibleCharactersCannotDisguiseAName() {
        // Shown with U+202E as "附件tab.pdf"; it is a .bat. Saved as what its content is.
        assertThat(EvidenceNames.saved("附件\u202Efdp.bat", EvidenceType.PDF)).isEqualTo("附件fdp.pdf");
        assertThat(EvidenceNames.saved("合\u200B同\u2066.pdf\u2069.exe", EvidenceType.PDF)).isEqualTo("合同.pdf.pdf");
        assertThat(EvidenceNames.saved("a\uFEFFb\u00AD.pdf", EvidenceType.PDF)).isEqualTo("ab.pdf");
        assertThat(EvidenceNames.saved("报告<1>?.pdf", EvidenceType.PDF)).isEqualTo("报告_1__.pdf");
        assertThat(EvidenceNames.saved("照片\u3000 一.jpg", EvidenceType.JPEG)).isEqualTo("照片  一.jpg");
        assertThat(EvidenceNames.label("\u202E")).isEmpty();
    }

    @Test
    void aRecordedFileIsShownSafelyEvenIfStoredBeforeTheRule() {
        EvidenceFile old = new EvidenceFile(2026, "1.1", "ganyu", "report-key-1", "AbCdEf0123456789", "说明.hta",
                EvidenceType.PDF, 10, "evidence/2026/1.1/ganyu/report-key-1/AbCdEf0123456789.pdf",
                java.time.Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(old.displayName()).isEqualTo("说明.pdf");
    }
}
