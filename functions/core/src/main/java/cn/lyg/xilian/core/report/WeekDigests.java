package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.alert.Reason;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.report.Lines.PairStatusLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Each unit's own digest of the week: its reports, its pairs' lights, its dates ahead, what it did not report. */
final class WeekDigests {

    private WeekDigests() {
    }

    /** Digests with something to say ({@link UnitDigest#hasSomethingToSay}), in plan order of the units. */
    static List<UnitDigest> of(Week w, Map<String, List<Lines.InstructionLine>> instructionsByUnit) {
        List<UnitDigest> digests = new ArrayList<>();
        for (Unit unit : w.plan.units()) {
            List<WeekPair> own = w.pairsOfUnit(unit.id());
            if (own.isEmpty()) {
                continue;
            }
            List<PairStatusLine> lines = own.stream().map(p -> new PairStatusLine(p.task().id(), p.task().title(),
                    p.deadline(), p.latest() == null ? null : p.latest().status(),
                    p.latest() == null ? null : p.latest().percent(), p.assessment().light(),
                    p.assessment().reasons().stream().map(Reason::text).toList())).toList();
            UnitDigest digest = new UnitDigest(w.plan.year(), w.plan.title(), w.week, w.asOf, unit.id(), unit.name(),
                    WeekChanges.submissionLines(w, s -> s.unitId().equals(unit.id())), lines,
                    WeekAttention.upcoming(w, p -> p.unitId().equals(unit.id())), WeekAttention.notReported(w, unit.id()),
                    instructionsByUnit.getOrDefault(unit.id(), List.of()));
            if (digest.hasSomethingToSay()) {
                digests.add(digest);
            }
        }
        return digests;
    }
}
