package cn.lyg.xilian.core.progress;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Target;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validates a progress report and stores it: the one home of the submission rules (task, responsibility,
 * idempotency key, values, replay or reused key) for the form and the JSON API alike. Validation happens
 * completely before anything is written, so a rejected report leaves no trace.
 */
public class SubmitProgress {

    /** Documented limit for 进展情况 (and for 存在问题 / 下步打算), in characters (code points). */
    public static final int MAX_TEXT = 2000;
    public static final int MAX_REPORTER = 50;
    private static final Pattern PERCENT = Pattern.compile("[+-]?\\d{1,9}");
    /** "60%" or "60 ％" (a full-width sign from a Chinese input method) is 60: people write a percentage so. */
    private static final Pattern PERCENT_SIGN = Pattern.compile("\\s*[%％]$");
    /** What a phone number may look like: a reporter's, a liaison's (digits, spaces, + - ( ), 5 to 30). */
    public static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{5,30}");
    /** Plain decimal only: no exponents, so "1e999999" cannot become a huge number. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,15}(\\.\\d{1,6})?");

    private final ProgressRepository repository;
    private final Clock clock;
    private final SubmissionListener listener;

    public SubmitProgress(ProgressRepository repository, Clock clock) {
        this(repository, clock, SubmissionListener.NONE);
    }

    public SubmitProgress(ProgressRepository repository, Clock clock, SubmissionListener listener) {
        this.repository = repository;
        this.clock = clock;
        this.listener = listener;
    }

    public SubmitOutcome submit(Plan plan, Principal who, String taskId, ProgressInput in) {
        Optional<PlanTask> found = plan.task(taskId);
        if (found.isEmpty()) {
            return new SubmitOutcome.UnknownTask(taskId);
        }
        PlanTask task = found.get();
        if (!who.mayReport(task)) {
            return new SubmitOutcome.NotResponsible(taskId);
        }
        String key = in.idempotencyKey();
        if (!IdempotencyKey.isValid(key)) {
            return new SubmitOutcome.KeyInvalid(IdempotencyKey.INVALID);
        }
        if (!in.readErrors().isEmpty()) {
            return new SubmitOutcome.Invalid(in.readErrors());
        }
        List<FieldError> errors = new ArrayList<>();
        ProgressStatus status = status(in.status(), errors);
        Integer percent = percent(in.percent(), errors);
        if (status == ProgressStatus.DONE && percent != null && percent != 100) {
            errors.add(new FieldError("percent", "PERCENT_DONE_MISMATCH", "状态为“已完成”时，完成百分比应为100"));
        }
        Map<String, BigDecimal> figures = figures(task, who.unitId(), in.figures(), errors);
        String progress = text("progress", "进展情况", in.progress(), MAX_TEXT, true, errors);
        String problems = text("problems", "存在问题", in.problems(), MAX_TEXT, false, errors);
        String nextSteps = text("nextSteps", "下步打算", in.nextSteps(), MAX_TEXT, false, errors);
        String reporter = text("reporter", "填报人", in.reporter(), MAX_REPORTER, false, errors);
        String phone = phone(in.phone(), errors);
        if (!errors.isEmpty()) {
            return new SubmitOutcome.Invalid(List.copyOf(errors));
        }
        Submission submission = new Submission(plan.year(), task.id(), who.unitId(), key, status, percent,
                figures, progress, problems, nextSteps, reporter, phone, clock.instant());
        return switch (repository.record(submission)) {
            case ProgressRepository.RecordResult.Stored s -> {
                listener.stored(s.submission());
                yield new SubmitOutcome.Stored(s.submission());
            }
            case ProgressRepository.RecordResult.KeyTaken taken -> taken.submission().sameReport(submission)
                    ? new SubmitOutcome.Replayed(taken.submission())
                    : new SubmitOutcome.KeyReused(taken.submission());
        };
    }

    private static ProgressStatus status(String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError("status", "STATUS_REQUIRED", "请选择状态"));
            return null;
        }
        Optional<ProgressStatus> s = ProgressStatus.parse(raw);
        if (s.isEmpty()) {
            errors.add(new FieldError("status", "STATUS_INVALID", "状态须为未启动、推进中、已完成、滞后或受阻之一"));
            return null;
        }
        return s.get();
    }

    private static Integer percent(String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError("percent", "PERCENT_REQUIRED", "请填写完成百分比（0到100的整数）"));
            return null;
        }
        String v = PERCENT_SIGN.matcher(raw.strip()).replaceFirst("");
        if (!PERCENT.matcher(v).matches()) {
            errors.add(new FieldError("percent", "PERCENT_NOT_A_NUMBER", "完成百分比须为0到100的整数"));
            return null;
        }
        int p = Integer.parseInt(v);
        if (p < 0 || p > 100) {
            errors.add(new FieldError("percent", "PERCENT_OUT_OF_RANGE", "完成百分比须在0到100之间"));
            return null;
        }
        return p;
    }

    private static Map<String, BigDecimal> figures(PlanTask task, String unitId, Map<String, String> raw,
                                                   List<FieldError> errors) {
        Map<String, Target> allowed = new LinkedHashMap<>();
        task.targetsFor(unitId).forEach(t -> allowed.put(t.id(), t));
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            String field = "figures." + e.getKey();
            Target target = allowed.get(e.getKey());
            if (target == null) {
                errors.add(new FieldError(field, "UNKNOWN_FIGURE", "该任务没有适用于本单位的指标“" + e.getKey() + "”"));
                continue;
            }
            String v = e.getValue() == null ? "" : e.getValue().strip();
            if (v.isEmpty()) {
                continue; // not reported this time
            }
            if (!DECIMAL.matcher(v).matches()) {
                errors.add(new FieldError(field, "FIGURE_NOT_A_NUMBER", "“" + target.metric() + "”须填写数字"));
                continue;
            }
            BigDecimal d = new BigDecimal(v);
            if (d.signum() < 0) {
                errors.add(new FieldError(field, "FIGURE_NEGATIVE", "“" + target.metric() + "”不能为负数"));
                continue;
            }
            out.put(target.id(), d.stripTrailingZeros().scale() < 0 ? d.setScale(0) : d.stripTrailingZeros());
        }
        return out;
    }

    private static String text(String field, String label, String raw, int max, boolean required,
                               List<FieldError> errors) {
        return TextInput.clean(field, label, raw, max, required, "PROGRESS_REQUIRED",
                "progress".equals(field) ? "PROGRESS_TOO_LONG" : "TEXT_TOO_LONG", errors);
    }

    private static String phone(String raw, List<FieldError> errors) {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty()) {
            return null;
        }
        if (!PHONE.matcher(v).matches()) {
            errors.add(new FieldError("phone", "PHONE_INVALID", "联系电话格式不正确"));
            return null;
        }
        return v;
    }
}
