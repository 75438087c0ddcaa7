import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Build step of adapter-web (pom.xml, right after compile; a single-file program run by the java launcher): makes
 * the OpenAPI 3.0.1 document micronaut-openapi wrote at compile time an OpenAPI 3.1.0 one, with the changes the 3.1
 * release describes for what the document uses. micronaut-openapi (6.19.3, from micronaut-parent 4.10.8) has a 3.1
 * writer of its own ({@code micronaut.openapi.openapi31.enabled}), but it was not usable: it drops a parameter
 * schema's {@code type}, silently drops a whole operation's annotation when a parameter schema names {@code types},
 * writes its own fields {@code allowableValues} and {@code exampleSetFlag} into schemas, types a nullable string
 * {@code [string, null, object]} and a nullable reference {@code type: "null"} beside it (which no value but null
 * matches). Its 3.0 writer has none of these, so the processor writes 3.0.1 and this carries it over:
 * <ul>
 *   <li>{@code openapi: 3.1.0};</li>
 *   <li>in schemas, {@code nullable: true} becomes a {@code "null"} type: {@code type: [T, "null"]}, or, where the schema
 *       has no type of its own (a reference), {@code anyOf: [it, {type: "null"}]};</li>
 *   <li>a schema's {@code example: v} becomes {@code examples: [v]} (3.1 deprecates the former in schemas);</li>
 *   <li>{@code format: binary} and {@code format: byte} become {@code contentMediaType: application/octet-stream} and
 *       {@code contentEncoding: base64} (3.1 has no such formats).</li>
 * </ul>
 * Anything else 3.0-only it meets ({@code nullable} where it cannot tell the type, 3.0's boolean
 * {@code exclusiveMinimum}) fails the build rather than passing unconverted. A 3.1 document is left alone, so a build
 * that did not compile again (nothing changed) can run this twice. Text blocks stay literal blocks (readable YAML).
 *
 * <pre>java -cp &lt;class path with SnakeYAML&gt; OpenApi31.java &lt;document.yml&gt;</pre>
 */
public class OpenApi31 {

    private static final List<String> SCHEMA_LISTS = List.of("allOf", "anyOf", "oneOf", "prefixItems");
    private static final List<String> SCHEMA_VALUES = List.of("items", "not", "additionalProperties", "contains");

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        LoaderOptions loading = new LoaderOptions();
        loading.setCodePointLimit(16 * 1024 * 1024);
        Map<String, Object> doc;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            // Dates stay text ("2027-01-31" is an example value, not a timestamp to re-format).
            doc = new Yaml(new SafeConstructor(loading), new Representer(new DumperOptions()), new DumperOptions(),
                    loading, new TextOnlyDates()).load(in);
        }
        if ("3.1.0".equals(doc.get("openapi"))) {
            System.out.println("OpenApi31: " + file + " is 3.1.0 already");
            return;
        }
        if (!"3.0.1".equals(doc.get("openapi"))) {
            throw new IllegalStateException(file + ": expected the 3.0.1 micronaut-openapi writes, got " + doc.get("openapi"));
        }
        doc.put("openapi", "3.1.0");
        int[] converted = {0};
        walk(doc, false, converted);
        DumperOptions dumping = new DumperOptions();
        dumping.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dumping.setAllowUnicode(true);
        dumping.setWidth(120);
        dumping.setIndicatorIndent(0);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new Yaml(new TextBlocks(dumping), dumping).dump(doc, out);
        }
        System.out.println("OpenApi31: " + file + " written as OpenAPI 3.1.0 (" + converted[0] + " schemas changed)");
    }

    /** Every map of the document; {@code schema} says whether {@code node} is a schema object. */
    @SuppressWarnings("unchecked")
    private static void walk(Object node, boolean schema, int[] converted) {
        if (node instanceof List<?> list) {
            list.forEach(item -> walk(item, false, converted));
            return;
        }
        if (!(node instanceof Map<?, ?>)) {
            return;
        }
        Map<String, Object> map = (Map<String, Object>) node;
        if (schema) {
            schemaChildren(map, converted);
            if (convert(map)) {
                converted[0]++;
            }
            return;
        }
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (e.getKey().equals("schema")) {
                walk(e.getValue(), true, converted);
            } else if (e.getKey().equals("schemas") && e.getValue() instanceof Map<?, ?> schemas) {
                schemas.values().forEach(s -> walk(s, true, converted));
            } else {
                walk(e.getValue(), false, converted);
            }
        }
    }

    private static void schemaChildren(Map<String, Object> schema, int[] converted) {
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            properties.values().forEach(p -> walk(p, true, converted));
        }
        for (String key : SCHEMA_VALUES) {
            if (schema.get(key) instanceof Map<?, ?> child) {
                walk(child, true, converted);
            }
        }
        for (String key : SCHEMA_LISTS) {
            if (schema.get(key) instanceof List<?> children) {
                children.forEach(c -> walk(c, true, converted));
            }
        }
    }

    /** One schema's 3.0-only keywords; true when it changed. */
    private static boolean convert(Map<String, Object> schema) {
        boolean changed = false;
        if (schema.get("exclusiveMinimum") instanceof Boolean || schema.get("exclusiveMaximum") instanceof Boolean) {
            throw new IllegalStateException("3.0 boolean exclusiveMinimum/Maximum in " + schema + ": convert it here");
        }
        if (schema.containsKey("example")) {
            schema.put("examples", new ArrayList<>(List.of(schema.remove("example"))));
            changed = true;
        }
        Object format = schema.get("format");
        if ("binary".equals(format) || "byte".equals(format)) {
            schema.remove("format");
            if ("binary".equals(format)) {
                schema.put("contentMediaType", "application/octet-stream");
            } else {
                schema.put("contentEncoding", "base64");
            }
            changed = true;
        }
        Object nullable = schema.remove("nullable");
        if (Boolean.TRUE.equals(nullable)) {
            nullable(schema);
            changed = true;
        } else if (nullable != null) {
            changed = true; // nullable: false is 3.1's default
        }
        return changed;
    }

    /** {@code nullable: true} the 3.1 way: a "null" type beside the schema's own. */
    private static void nullable(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof String t) {
            schema.put("type", new ArrayList<>(List.of(t, "null")));
            if (schema.get("enum") instanceof List<?> values && !values.contains(null)) {
                List<Object> withNull = new ArrayList<>(values);
                withNull.add(null);
                schema.put("enum", withNull);
            }
            return;
        }
        if (type != null) {
            throw new IllegalStateException("nullable beside type " + type + " in " + schema + ": convert it here");
        }
        // A reference (micronaut-openapi wraps it in allOf so that a description can sit beside it): keep the
        // description and the like where they are, the schema itself becomes "it or null".
        Map<String, Object> it = new LinkedHashMap<>();
        if (schema.get("allOf") instanceof List<?> all && all.size() == 1) {
            it.putAll(castMap(all.get(0)));
            schema.remove("allOf");
        } else if (schema.containsKey("$ref")) {
            it.put("$ref", schema.remove("$ref"));
        } else {
            throw new IllegalStateException("nullable without a type or a single reference in " + schema);
        }
        schema.put("anyOf", new ArrayList<>(List.of(it, new LinkedHashMap<>(Map.of("type", "null")))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    /** YAML 1.1's implicit types without its timestamps. */
    private static final class TextOnlyDates extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }

    /** Multi-line strings (the descriptions written as text blocks) as YAML literal blocks. */
    private static final class TextBlocks extends Representer {
        TextBlocks(DumperOptions options) {
            super(options);
            Represent plain = this.representers.get(String.class);
            this.representers.put(String.class, data -> {
                String s = (String) data;
                return s.contains("\n") && !s.contains("\r") && !s.endsWith(" ")
                        ? representScalar(Tag.STR, s, DumperOptions.ScalarStyle.LITERAL) : plain.representData(s);
            });
        }
    }
}
