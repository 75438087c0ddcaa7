package cn.lyg.xilian.core.catalog;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A responsible unit. {@code id} is a stable ASCII id used in keys, URLs and configuration;
 * {@code aliases} are other spellings found in notices (e.g. "海州区" for "海州区（连云港高新区）").
 */
@Serdeable
public record Unit(String id, String name, UnitKind kind, List<String> aliases) {
    public Unit {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
