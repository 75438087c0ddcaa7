package cn.lyg.xilian.wiring;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.LoggerFactory;

/**
 * What the functions' SnapStart priming shares (functions/api and functions/jobs each have a {@code SnapStartPriming}
 * with their own {@link #prime}): Lambda takes the snapshot after the init phase and calls {@link #beforeCheckpoint}
 * just before it, so whatever {@link #prime} loads and warms is in the snapshot instead of in the first call after a
 * restore.
 *
 * <p>A subclass is a {@code @Context} bean: created with the application context (during init, so before the
 * snapshot) even though nothing injects it; registration with org.crac's global context, here, is what makes Lambda
 * call it. Outside SnapStart (tests, plain JVMs, the local run) the global context never checkpoints, and nothing
 * happens. {@link #prime} keeps nothing request-, clock-, random- or credential-dependent: no state is refreshed after
 * a restore.
 */
public abstract class SnapStartResource implements Resource {

    private final String firstCall;

    /** @param firstCall what a missed warm-up slows down, for the log ("request", "invocation") */
    protected SnapStartResource(String firstCall) {
        this.firstCall = firstCall;
        // org.crac keeps resources weakly; the application context holds the subclass's singleton strongly.
        Core.getGlobalContext().register(this);
    }

    /** One call of each expensive first-time path; returns what it did, for the function's test. */
    protected abstract Object prime() throws Exception;

    @Override
    public final void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            prime();
        } catch (Exception e) {
            // A missed warm-up only costs the first call time; it must not fail publishing the version.
            LoggerFactory.getLogger(getClass())
                    .warn("SnapStart priming failed; the first {} will be slower", firstCall, e);
        }
    }

    @Override
    public final void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: no connection, clock value or random state is held by the priming.
    }
}
