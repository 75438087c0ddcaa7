package cn.lyg.xilian.web;

import cn.lyg.xilian.core.progress.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed form of the task page: what it shows again, where each message goes, what points at it. */
class FormStateTest {

    @Test
    void aFailedFormKeepsWhatWasTypedButNotTheTokenAndTiesEachMessageToItsInput() {
        FormState f = FormState.failed(FormState.Form.EXTENSION, null,
                Map.of("_csrf", List.of("secret"), "reason", List.of("用地报批延迟"), "date", List.of("")),
                List.of(new FieldError("date", "DATE_REQUIRED", "请填写日期（如2026-12-31）"),
                        new FieldError("date", "DATE_INVALID", "second message for the same field")));
        assertThat(f.failed()).isTrue();
        assertThat(f.values()).doesNotContainKey("_csrf");
        assertThat(f.value("reason")).isEqualTo("用地报批延迟");
        assertThat(f.error("date")).isEqualTo("请填写日期（如2026-12-31）");
        assertThat(f.invalid("date")).isEqualTo("true");
        assertThat(f.describedBy("date")).isEqualTo("ext-date-error");
        assertThat(f.invalid("reason")).isNull();
        assertThat(f.describedBy("reason")).isNull();
        assertThat(f.problems()).containsExactly(
                new FormState.Problem("请填写日期（如2026-12-31）", "#ext-date", "DATE_REQUIRED"));
        assertThat(f.summaryId()).isEqualTo("extension-errors");
    }

    @Test
    void everyRefusedFileIsSaidBesideTheOneFileInput() {
        FormState f = FormState.failed(FormState.Form.EVIDENCE, null, Map.of(), List.of(
                new FieldError("files[0]", "FILE_EMPTY", "“a.pdf”是空文件"),
                new FieldError("files[1]", "FILE_TYPE_NOT_ALLOWED", "“b.txt”不是允许的文件类型")));
        assertThat(f.error("files")).isEqualTo("“a.pdf”是空文件；“b.txt”不是允许的文件类型");
        assertThat(f.describedBy("files")).isEqualTo("evidence-files-error");
    }

    @Test
    void aUnitsFormIsKnownByItsUnitAndAFieldWithoutAnInputIsOnlyInTheSummary() {
        FormState f = FormState.failed(FormState.Form.DECISION, "guanyun", Map.of("note", List.of("")), List.of(
                new FieldError("decision", "DECISION_INVALID", "请选择“批准延期”或“不予批准”"),
                new FieldError("note", "REASON_REQUIRED", "请填写审批意见")));
        assertThat(f.is(FormState.Form.DECISION, "guanyun")).isTrue();
        assertThat(f.is(FormState.Form.DECISION, "haizhou")).isFalse();
        assertThat(f.describedBy("note")).isEqualTo("note-guanyun-error");
        assertThat(f.problems()).extracting(FormState.Problem::target).containsExactly(null, "#note-guanyun");
        assertThat(f.summaryId()).isEqualTo("decision-guanyun-errors");
        assertThat(FormState.fresh(FormState.Form.DECISION, "guanyun", Map.of()).value("date", "2027-01-31"))
                .isEqualTo("2027-01-31");
        assertThat(f.value("date", "2027-01-31")).as("as typed once failed").isEmpty();
    }

    @Test
    void theReportFormsFilesAreSaidAtItsFileFieldAndItsTicksAreKept() {
        FormState f = FormState.failed(FormState.Form.REPORT, null,
                Map.of("progress", List.of("已完成"), "carry.AbCdEf0123456789", List.of("1")), List.of(
                        new FieldError("files[0]", "FILE_EMPTY", "“a.pdf”是空文件"),
                        new FieldError("files[1]", "FILE_TYPE_NOT_ALLOWED", "“b.jpg”不是允许的文件类型"),
                        new FieldError("carry", "CARRY_FILE_NOT_FOUND", "要沿用的佐证材料不属于本单位上一次填报")));
        assertThat(f.error("files")).isEqualTo("“a.pdf”是空文件；“b.jpg”不是允许的文件类型");
        assertThat(f.describedBy("files")).isEqualTo("report-files-error");
        assertThat(f.value("carry.AbCdEf0123456789")).isEqualTo("1");
        assertThat(f.value("progress")).isEqualTo("已完成");
        assertThat(f.problems()).extracting(FormState.Problem::target).containsExactly("#report-files", null);
    }
}
