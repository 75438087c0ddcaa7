package cn.lyg.xilian.core.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A heading that groups tasks: "1" (一、统筹开展两市帮扶合作), "2", or "3.1" … "3.6" under 三.
 * {@code field} is set for the sub-sections of 三 only.
 */
public record Section(String id, String title, @Nullable Field field) {
}
