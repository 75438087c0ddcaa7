package cn.lyg.xilian.core.supervision;

import java.util.List;
import java.util.Set;

/**
 * What waits on the units or the coordinators across a plan year, read in one go for the 待办 inbox: extension
 * requests not yet decided and instructions some addressed unit has not opened yet.
 */
public record Waiting(List<Extension> pendingExtensions, List<UnreadInstruction> unreadInstructions) {

    public Waiting {
        pendingExtensions = List.copyOf(pendingExtensions);
        unreadInstructions = List.copyOf(unreadInstructions);
    }

    public static Waiting none() {
        return new Waiting(List.of(), List.of());
    }

    /** An instruction with the addressed units that have not opened it yet (never empty). */
    public record UnreadInstruction(Instruction instruction, Set<String> unitsNotRead) {
        public UnreadInstruction {
            unitsNotRead = Set.copyOf(unitsNotRead);
        }
    }
}
