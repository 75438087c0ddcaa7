package cn.lyg.xilian.core.supervision;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/** Coordinators' instructions (督办意见) and the units' read marks; each write conditional and safe to retry. */
public interface InstructionRepository {

    /**
     * Stores an instruction once per key; a taken key is {@code Taken} with the stored instruction. It waits in
     * {@link SupervisionRecords#waiting} until each of {@code addressees} has opened it.
     */
    Write<Instruction> instruct(Instruction instruction, Set<String> addressees);

    /** The instruction stored under the key (consistent read). */
    java.util.Optional<Instruction> instruction(int year, String taskId, String key);

    /** Records the first time a unit opened these instructions (they stop waiting on it); later opens change nothing. */
    void markRead(int year, String taskId, String unitId, Collection<String> instructionKeys, Instant at);
}
