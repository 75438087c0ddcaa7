package cn.lyg.xilian.core.progress;

import java.util.List;

/** The one rule for free text typed by people (reports, reasons, notes): line ends, control characters, length. */
public final class TextInput {

    private TextInput() {
    }

    /**
     * The text with CRLF/CR made LF and stripped, or null (blank, or invalid: then an error is added).
     * Length counts code points.
     */
    public static String clean(String field, String label, String raw, int max, boolean required, String requiredCode,
                               String tooLongCode, List<FieldError> errors) {
        String v = raw == null ? "" : raw.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (v.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, requiredCode, "请填写" + label));
            }
            return null;
        }
        if (v.codePoints().anyMatch(c -> c != '\n' && c != '\t' && Character.isISOControl(c))) {
            errors.add(new FieldError(field, "TEXT_INVALID_CHARACTERS", label + "含有不可见的控制字符"));
            return null;
        }
        int length = v.codePointCount(0, v.length());
        if (length > max) {
            errors.add(new FieldError(field, tooLongCode, label + "不能超过" + max + "字（当前" + length + "字）"));
            return null;
        }
        return v;
    }
}
