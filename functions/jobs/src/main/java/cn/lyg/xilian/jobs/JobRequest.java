package cn.lyg.xilian.jobs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * The input of a scheduled job: what EventBridge Scheduler sends as the schedule's Input JSON, e.g.
 * {@code {}} (as of today in Asia/Shanghai) or {@code {"asOf": "2026-12-20"}} (a re-run for a past day).
 *
 * <p>A mutable bean with a String date on purpose: the Lambda Java runtime deserializes the input of a
 * {@code RequestHandler} itself, and a no-arg bean with setters is what it binds without extra modules.
 */
@Serdeable
public class JobRequest {

    @Nullable
    private String asOf;

    public JobRequest() {
    }

    public JobRequest(@Nullable String asOf) {
        this.asOf = asOf;
    }

    public static JobRequest asOf(LocalDate date) {
        return new JobRequest(date.toString());
    }

    @Nullable
    public String getAsOf() {
        return asOf;
    }

    public void setAsOf(@Nullable String asOf) {
        this.asOf = asOf;
    }

    /** The requested date, or null for "today". */
    @Nullable
    public LocalDate asOfDate() {
        return asOf == null || asOf.isBlank() ? null : LocalDate.parse(asOf.strip());
    }
}
