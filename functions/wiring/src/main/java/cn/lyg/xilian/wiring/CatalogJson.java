package cn.lyg.xilian.wiring;

import cn.lyg.xilian.core.catalog.Milestone;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Section;
import cn.lyg.xilian.core.catalog.Target;
import cn.lyg.xilian.core.catalog.Unit;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.SerdeImport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The checked-in catalog format ({@code infra/plans/plan-YYYY.json}): a {@link Plan} as pretty-printed
 * UTF-8 JSON, fields in record order, dates as ISO strings ("2026-12-31"), nulls and empty lists
 * written out so the file shows every field. Shared by the importer, the DynamoDB loader and local runs.
 *
 * <p>Here, not in the core, because it is Micronaut Serialization's: the {@code @SerdeImport}s give the core's
 * catalog records their serialization metadata (generated in this package), so the core stays free of framework
 * annotations. Every context with this module on its class path can write them: the JSON API's tasks carry
 * {@link Target}s (adapter-web's {@code ApiViews.TaskView}).
 */
@SerdeImport(Plan.class)
@SerdeImport(Section.class)
@SerdeImport(Unit.class)
@SerdeImport(PlanTask.class)
@SerdeImport(Milestone.class)
@SerdeImport(Target.class)
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
