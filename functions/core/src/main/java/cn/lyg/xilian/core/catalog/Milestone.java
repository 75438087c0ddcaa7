package cn.lyg.xilian.core.catalog;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/** A dated step stated inside a task's text, e.g. 签约 by 6月底前 → 2026-06-30. */
@Serdeable
public record Milestone(LocalDate due, String description) {
}
