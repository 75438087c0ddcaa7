package cn.lyg.xilian.core.evidence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceKeysTest {

    static final ReportRef OWN = new ReportRef(2026, "1.2", "lianyun", "own-report-1");
    static final String STAGED = "evidence/2026/1.2/lianyun/own-report-1/upload-AbCdEf0123456789/说明 (1).pdf";

    @Test
    void keysAreBuiltFromIdsAndReadBackExactly() {
        assertThat(EvidenceKeys.reportPrefix(OWN)).isEqualTo("evidence/2026/1.2/lianyun/own-report-1/");
        assertThat(EvidenceKeys.uploadPrefix(OWN, "AbCdEf0123456789"))
                .isEqualTo("evidence/2026/1.2/lianyun/own-report-1/upload-AbCdEf0123456789/");
        String stored = EvidenceKeys.storageKey(OWN, "AbCdEf0123456789", EvidenceType.DOCX);
        assertThat(EvidenceKeys.parse(stored)).contains(new EvidenceKeys.StoredFile(OWN, "AbCdEf0123456789", "docx"));
        assertThat(EvidenceKeys.parseStaged(STAGED))
                .contains(new EvidenceKeys.StagedUpload(OWN, "AbCdEf0123456789", "说明 (1).pdf"));
        assertThat(EvidenceKeys.parseStaged(STAGED).orElseThrow().key()).isEqualTo(STAGED);
        assertThat(EvidenceKeys.validPrefix(EvidenceKeys.ROOT)).isTrue();
        assertThat(EvidenceKeys.validPrefix(EvidenceKeys.reportPrefix(OWN))).isTrue();
    }

    /** The attack of issue 19 and its variants: none is a key of ours, so none reaches a store. */
    @ParameterizedTest
    @ValueSource(strings = {
            "evidence/2026/1.2/lianyun/own-report-1/upload-sectest99sectest/../../../ganyu/their-report/AbCdEf0123456789.pdf",
            "evidence/2026/1.2/lianyun/own-report-1/upload-AbCdEf0123456789/..",
            "evidence/2026/1.2/lianyun/own-report-1/upload-AbCdEf0123456789/.",
            "evidence/2026/1.2/lianyun/own-report-1/upload-AbCdEf0123456789/a/b.pdf",
            "evidence/2026/1.2/lianyun/own-report-1/upload-AbCdEf0123456789/..\\..\\x.pdf",
            "evidence/2026/1.2/lianyun/own-report-1/upload-AbCdEf0123456789/a\u0000.pdf",
            "evidence/2026/1.2/lianyun/own-report-1/upload-AbCdEf0123456789/",
            "evidence/2026/1.2/lianyun/../ganyu/upload-AbCdEf0123456789/x.pdf",
            "evidence/2026/1.2/lianyun/%2e%2e/upload-AbCdEf0123456789/x.pdf",
            "evidence/2026/1.2/lianyun/own-report-1/upload-short/x.pdf",
            "evidence/2026/1.2/Lianyun/own-report-1/upload-AbCdEf0123456789/x.pdf",
            "evidence/2026/1.2./lianyun/own-report-1/upload-AbCdEf0123456789/x.pdf",
            "evidence//2026/1.2/lianyun/own-report-1/upload-AbCdEf0123456789/x.pdf",
            "/evidence/2026/1.2/lianyun/own-report-1/upload-AbCdEf0123456789/x.pdf",
            "/etc/passwd",
            "evidence/2026/1.2/lianyun/own-report-1/AbCdEf0123456789.pdf/../x",
            "evidence/2026/1.2/lianyun/own-report-1/AbCdEf0123456789.PDF",
            "Evidence/2026/1.2/lianyun/own-report-1/upload-AbCdEf0123456789/x.pdf",
            ""})
    void anythingElseIsNotOneOfOurKeys(String key) {
        assertThat(EvidenceKeys.parse(key)).as(key).isEmpty();
        assertThat(EvidenceKeys.validPrefix(key)).as(key).isFalse();
    }

    @Test
    void escapesAreLiteralCharactersOfOneNameNeverDecoded() {
        assertThat(EvidenceKeys.parseStaged("evidence/2026/1.2/lianyun/own-report-1/upload-AbCdEf0123456789/..%2f..%2fganyu"))
                .contains(new EvidenceKeys.StagedUpload(OWN, "AbCdEf0123456789", "..%2f..%2fganyu"));
    }

    @Test
    void anOverlongNameOrKeyIsNotOurs() {
        String prefix = EvidenceKeys.uploadPrefix(OWN, "AbCdEf0123456789");
        assertThat(EvidenceKeys.parseStaged(prefix + "长".repeat(85) + ".pdf")).isEmpty(); // 255 + 4 bytes
        assertThat(EvidenceKeys.parseStaged(prefix + "长".repeat(80) + ".pdf")).isPresent();
        assertThat(EvidenceKeys.parse(prefix + "a".repeat(2000))).isEmpty();
    }

    @Test
    void aReportReferenceAcceptsOnlyItsGrammar() {
        assertThat(ReportRef.of(2026, "3.6.5", "park-wuxi-lianyungang", "abcd_EFG-1234")).isPresent();
        assertThat(ReportRef.of(2026, "../1.2", "lianyun", "own-report-1")).isEmpty();
        assertThat(ReportRef.of(2026, "1.2", "lianyun/..", "own-report-1")).isEmpty();
        assertThat(ReportRef.of(2026, "1.2", "lianyun", "../../x")).isEmpty();
        assertThat(ReportRef.of(2026, "1.2", "lianyun", "own-report-1\u0000")).isEmpty();
        assertThat(ReportRef.of(2026, " 1.2", "lianyun", "own-report-1")).as("never trimmed").isEmpty();
        assertThat(ReportRef.of(126, "1.2", "lianyun", "own-report-1")).isEmpty();
    }
}
