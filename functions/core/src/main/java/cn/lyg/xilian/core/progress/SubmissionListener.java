package cn.lyg.xilian.core.progress;

import cn.lyg.xilian.core.progress.Submission;

/**
 * Told about each newly stored submission, after it is stored. In AWS there is none: the table's stream
 * drives the submission-event function. Locally (no streams in dynalite) the local application hands the
 * submission to the same handler on another thread. Must return at once and never throw: handling a
 * submission never waits on email, and a failed email never fails a submission.
 */
@FunctionalInterface
public interface SubmissionListener {

    SubmissionListener NONE = submission -> { };

    void stored(Submission submission);
}
