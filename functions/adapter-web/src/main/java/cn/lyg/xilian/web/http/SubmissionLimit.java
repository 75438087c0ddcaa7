package cn.lyg.xilian.web.http;

import cn.lyg.xilian.core.access.RateCounter;
import cn.lyg.xilian.web.WebSettings;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * At most {@code xilian.web.submissions-per-minute} progress submissions per credential per clock minute,
 * form and API together, across every Lambda instance: one atomic counter UpdateItem per submission (a fixed
 * window: up to twice the limit can pass around a minute boundary, which is fine for abuse control).
 * Retries of the same submission count too. A submission refused for its year (404 NO_SUCH_YEAR, 409 YEAR_ARCHIVED)
 * does not count: the request's year is checked before the counter is touched.
 */
@Singleton
public class SubmissionLimit {

    private final RateCounter counter;
    private final Clock clock;
    private final WebSettings settings;

    public SubmissionLimit(RateCounter counter, Clock clock, WebSettings settings) {
        this.counter = counter;
        this.clock = clock;
        this.settings = settings;
    }

    public void acquire(Caller caller) {
        caller.plan(); // the year's refusal first (Caller#plan), uncounted
        long count = counter.increment(caller.who().credentialHash(), clock.instant().truncatedTo(ChronoUnit.MINUTES));
        if (count > settings.getSubmissionsPerMinute()) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_SUBMISSIONS",
                    "提交过于频繁：每个凭据每分钟最多提交 " + settings.getSubmissionsPerMinute() + " 次，请一分钟后再试");
        }
    }
}
