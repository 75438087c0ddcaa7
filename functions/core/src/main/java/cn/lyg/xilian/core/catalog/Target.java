package cn.lyg.xilian.core.catalog;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;

/**
 * A quantitative target inside a task, e.g. 超亿元签约项目 >= 8 个 for 无锡连云港工业园区.
 *
 * @param id       stable within the task: "t1", "t2", … in order of appearance
 * @param unitId   the unit the text binds it to, or null when it binds every responsible unit
 * @param metric   what is counted, in the notice's words (e.g. "签约落地超亿元项目")
 * @param minimum  the figure to reach (不少于 / 以上 / 不低于 / 力争 … all read as a lower bound)
 * @param measure  the measure word after the figure (个, 亿元, 场次, 家次, 家, 万平方米 …)
 * @param phrase   the exact fragment of the notice it was read from
 */
public record Target(String id, @Nullable String unitId, String metric, BigDecimal minimum,
                     String measure, String phrase) {
}
