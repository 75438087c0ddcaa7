package cn.lyg.xilian.core.catalog;

import java.util.List;

/**
 * A responsible unit. {@code id} is a stable ASCII id used in keys, URLs and configuration;
 * {@code aliases} are other spellings found in notices (e.g. "海州区" for "海州区（连云港高新区）").
 */
public record Unit(String id, String name, UnitKind kind, List<String> aliases) {

    /** The grammar of a unit id (lower-case ASCII words joined by hyphens): the one home of the rule. */
    public static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z0-9]{1,32}(-[a-z0-9]{1,32}){0,5}");

    public static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public Unit {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
