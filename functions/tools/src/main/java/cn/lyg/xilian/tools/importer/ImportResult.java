package cn.lyg.xilian.tools.importer;

import cn.lyg.xilian.core.catalog.Plan;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of reading a notice. {@code plan} is empty when the notice could not be read at all
 * (no title year, no tasks); otherwise it holds everything that could be read, and
 * {@code problems} lists what could not.
 */
public record ImportResult(Optional<Plan> plan, List<ImportProblem> problems) {
    public ImportResult {
        problems = List.copyOf(problems);
    }

    /** True when the plan was read completely and may be published. */
    public boolean isClean() {
        return plan.isPresent() && problems.isEmpty();
    }
}
