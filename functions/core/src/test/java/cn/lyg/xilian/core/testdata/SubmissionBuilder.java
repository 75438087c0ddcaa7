package cn.lyg.xilian.core.testdata;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link Submission} for tests, stating only what the test cares about. The defaults make a valid report of the
 * 2026 plan: task 1.2 (deadline 2026-12-31) by 赣榆区, 推进中 at 40 %, no figures, progress text "进展", the optional
 * fields empty, submitted Monday 2026-11-30 10:00 (Asia/Shanghai). Without {@link #key} the key is made from task,
 * unit and time, so two reports of different pairs or times never share one.
 *
 * <p>Values are kept by record component and the record is built through its canonical constructor, so a new
 * optional field of {@code Submission} needs nothing here: it is null by default, {@link #from} copies it,
 * {@link #complete} fills it, and a test that cares sets it with {@link #with}.
 */
public final class SubmissionBuilder {

    private static final RecordComponent[] COMPONENTS = Submission.class.getRecordComponents();
    private static final Constructor<Submission> CANONICAL = canonical();

    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, BigDecimal> figures = new LinkedHashMap<>();

    private SubmissionBuilder() {
        values.put("planYear", Plan.DEFAULT_YEAR);
        values.put("taskId", "1.2");
        values.put("unitId", "ganyu");
        values.put("status", ProgressStatus.IN_PROGRESS);
        values.put("percent", 40);
        values.put("progress", "进展");
        values.put("submittedAt", Instant.parse("2026-11-30T02:00:00Z"));
    }

    /** A report with the defaults above. */
    public static SubmissionBuilder submission() {
        return new SubmissionBuilder();
    }

    /** Task and unit, the two things almost every test states. */
    public static SubmissionBuilder submission(String taskId, String unitId) {
        return new SubmissionBuilder().task(taskId).unit(unitId);
    }

    /**
     * A report with every optional field filled (two figures, problems, next steps, reporter, phone, and any field
     * added since: a text, a number or a date): what a test of storage, serialisation or display starts from to
     * cover every field, a new one included.
     */
    public static SubmissionBuilder complete() {
        SubmissionBuilder b = new SubmissionBuilder().figure("t1", "8.0").figure("t2", "1.25").problems("资金未到位")
                .nextSteps("下周开工").reporter("李四").phone("13800000000");
        for (RecordComponent c : COMPONENTS) {
            if (b.values.get(c.getName()) == null && !c.getName().equals("idempotencyKey")
                    && !c.getName().equals("figures")) {
                b.values.put(c.getName(), sample(c));
            }
        }
        return b;
    }

    /** A copy of {@code s} to change some values of (every field copied, the key too). */
    public static SubmissionBuilder from(Submission s) {
        SubmissionBuilder b = new SubmissionBuilder();
        for (RecordComponent c : COMPONENTS) {
            try {
                b.values.put(c.getName(), c.getAccessor().invoke(s));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        b.figures.putAll(s.figures());
        return b;
    }

    /** Any field by its record component name, e.g. one no setter below names yet. */
    public SubmissionBuilder with(String component, Object value) {
        if (Arrays.stream(COMPONENTS).noneMatch(c -> c.getName().equals(component))) {
            throw new IllegalArgumentException("Submission has no field " + component);
        }
        if (component.equals("figures")) {
            throw new IllegalArgumentException("set figures with figures() or figure()");
        }
        values.put(component, value);
        return this;
    }

    public SubmissionBuilder year(int planYear) {
        return with("planYear", planYear);
    }

    public SubmissionBuilder task(String taskId) {
        return with("taskId", taskId);
    }

    public SubmissionBuilder unit(String unitId) {
        return with("unitId", unitId);
    }

    /** The idempotency key, which names the report (reviews and evidence refer to it). */
    public SubmissionBuilder key(String idempotencyKey) {
        return with("idempotencyKey", idempotencyKey);
    }

    public SubmissionBuilder status(ProgressStatus status) {
        return with("status", status);
    }

    public SubmissionBuilder percent(int percent) {
        return with("percent", percent);
    }

    /** Status and percent together, as a report states them. */
    public SubmissionBuilder status(ProgressStatus status, int percent) {
        return status(status).percent(percent);
    }

    /** All figures, replacing any set before. */
    public SubmissionBuilder figures(Map<String, BigDecimal> figures) {
        this.figures.clear();
        this.figures.putAll(figures);
        return this;
    }

    /** One figure by target id, e.g. {@code figure("t1", "3")}. */
    public SubmissionBuilder figure(String targetId, String value) {
        this.figures.put(targetId, new BigDecimal(value));
        return this;
    }

    public SubmissionBuilder progress(String progress) {
        return with("progress", progress);
    }

    public SubmissionBuilder problems(String problems) {
        return with("problems", problems);
    }

    public SubmissionBuilder nextSteps(String nextSteps) {
        return with("nextSteps", nextSteps);
    }

    public SubmissionBuilder reporter(String reporter) {
        return with("reporter", reporter);
    }

    public SubmissionBuilder phone(String phone) {
        return with("phone", phone);
    }

    public SubmissionBuilder at(Instant submittedAt) {
        return with("submittedAt", submittedAt);
    }

    /** Submitted at this local time of the plan's zone (Asia/Shanghai). */
    public SubmissionBuilder at(LocalDateTime planTime) {
        return at(planTime.atZone(PlanTime.ZONE).toInstant());
    }

    /** Submitted at 10:00 on this day of the plan's zone. */
    public SubmissionBuilder on(LocalDate day) {
        return at(day.atTime(10, 0));
    }

    public Submission build() {
        Object[] args = new Object[COMPONENTS.length];
        for (int i = 0; i < COMPONENTS.length; i++) {
            String name = COMPONENTS[i].getName();
            args[i] = switch (name) {
                case "figures" -> figures;
                case "idempotencyKey" -> values.get(name) != null ? values.get(name) : defaultKey();
                default -> values.get(name);
            };
            if (args[i] == null && COMPONENTS[i].getType().isPrimitive()) {
                throw new IllegalStateException("SubmissionBuilder has no default for " + name);
            }
        }
        try {
            return CANONICAL.newInstance(args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private String defaultKey() {
        return "report-" + ((String) values.get("taskId")).replace('.', '_') + "-" + values.get("unitId") + "-"
                + ((Instant) values.get("submittedAt")).getEpochSecond();
    }

    /** A value for an optional field that {@link #complete} does not name. */
    private static Object sample(RecordComponent c) {
        Class<?> type = c.getType();
        if (type == String.class) {
            return c.getName() + "示例";
        }
        if (type == BigDecimal.class) {
            return new BigDecimal("12.5");
        }
        if (type == Integer.class) {
            return 7;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 11, 27);
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        throw new IllegalStateException("SubmissionBuilder.complete() has no sample for " + c.getName() + " (" + type
                + "): add one");
    }

    private static Constructor<Submission> canonical() {
        try {
            return Submission.class.getDeclaredConstructor(
                    Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
