package cn.lyg.xilian.core.catalog;

import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The checked-in catalog format ({@code infra/plans/plan-YYYY.json}): a {@link Plan} as pretty-printed
 * UTF-8 JSON, fields in record order, dates as ISO strings ("2026-12-31"), nulls and empty lists
 * written out so the file shows every field. Shared by the importer, the DynamoDB loader and local runs.
 */
public final class CatalogJson {

    private CatalogJson() {
    }

    public static Plan read(InputStream json) throws IOException {
        return mapper().readValue(json, Plan.class);
    }

    /** Pretty JSON ending in a newline, so the checked-in file is diff-friendly. */
    public static String write(Plan plan) {
        try {
            return new String(mapper().writeValueAsBytes(plan), StandardCharsets.UTF_8) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    /** Created on first use; it lives as long as the JVM, like {@link ObjectMapper#getDefault()}. */
    private static final class Holder {
        static final ObjectMapper MAPPER = ObjectMapper.create(Map.of(
                "micronaut.serde.jackson.pretty-print", true,
                // write nulls and empty lists: the file documents the shape, and the records' compact
                // constructors expect lists to be present
                "micronaut.serde.serialization.inclusion", "ALWAYS"));
    }
}
