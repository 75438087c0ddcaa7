package cn.lyg.xilian.core.catalog;

import java.time.LocalDate;

/** A dated step stated inside a task's text, e.g. 签约 by 6月底前 → 2026-06-30. */
public record Milestone(LocalDate due, String description) {
}
