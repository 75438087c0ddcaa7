package cn.lyg.xilian.core.supervision;

import java.util.List;

/** An email to a unit about its task's supervision: a new instruction (督办意见) or the decision on its extension. */
public sealed interface SupervisionNotice {

    /** Stable per notice and unit: the mark's key, and a retried send renders the same Message-ID. */
    String noticeId();

    String taskTitle();

    String unitName();

    /** The unit's registered addresses. */
    List<String> to();

    record Instructed(Instruction instruction, String unitId, String taskTitle, String unitName, List<String> to)
            implements SupervisionNotice {
        public Instructed {
            to = List.copyOf(to);
        }

        @Override
        public String noticeId() {
            return "instruction-" + instruction.planYear() + "-" + instruction.taskId() + "-" + unitId + "-"
                    + instruction.key();
        }
    }

    record Decided(Extension extension, String taskTitle, String unitName, List<String> to)
            implements SupervisionNotice {
        public Decided {
            to = List.copyOf(to);
        }

        @Override
        public String noticeId() {
            return "extension-" + extension.planYear() + "-" + extension.taskId() + "-" + extension.unitId() + "-"
                    + extension.key();
        }
    }
}
