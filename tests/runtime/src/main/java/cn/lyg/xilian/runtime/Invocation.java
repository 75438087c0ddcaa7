package cn.lyg.xilian.runtime;

import java.util.List;

/**
 * One invocation through the emulator, with Lambda's own figures.
 *
 * @param response        the function's answer (JSON), or the runtime's error JSON ({@code errorMessage},
 *                        {@code errorType}) when the handler failed
 * @param functionError   true when the runtime reported an error (Lambda's {@code X-Amz-Function-Error})
 * @param initDurationMs  Lambda's "Init Duration" (the emulator's {@code INIT REPORT}): set only on the first
 *                        invocation of a fresh runtime, else null
 * @param durationMs      Lambda's "Duration" of this invocation (the emulator's {@code INVOKE RTDONE}: the
 *                        handler's time, without init; the emulator's own REPORT line adds init to it)
 * @param reportLine      the emulator's {@code REPORT RequestId: …} line
 * @param log             what the function logged during this invocation (stdout and stderr)
 */
public record Invocation(String response, boolean functionError, Double initDurationMs, Double durationMs,
                         String reportLine, List<String> log) {

    /** Init Duration + Duration: what a cold start costs the first caller. */
    public double coldMs() {
        return (initDurationMs == null ? 0 : initDurationMs) + (durationMs == null ? 0 : durationMs);
    }
}
