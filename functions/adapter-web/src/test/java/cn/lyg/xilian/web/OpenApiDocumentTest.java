package cn.lyg.xilian.web;

import cn.lyg.xilian.core.progress.IdempotencyKey;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.testkit.openapi.ApiDocumentContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document as the build wrote it, against what it describes besides the routes (those: the runtimes'
 * ApiDocumentContract tests): the README's JSON API section, which names the same error codes, and the core's rules
 * it repeats for clients (the Idempotency-Key format, the report statuses).
 */
class OpenApiDocumentTest {

    private static final Pattern CODE = Pattern.compile("`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`");
    private static String document;
    private static Map<String, Object> spec;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getClassLoader()
                .getResourceAsStream(ApiDocumentContract.RESOURCE)) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        spec = ApiDocumentContract.parse(document);
    }

    @Test
    void theReadmesJsonApiSectionNamesTheDocumentsErrorCodes() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int from = readme.indexOf("## JSON API");
        int to = readme.indexOf("\n## ", from + 1);
        Set<String> inReadme = codes(readme.substring(from, to));
        Set<String> inDocument = new TreeSet<>();
        for (ApiDocumentContract.Operation op : ApiDocumentContract.operations(spec)) {
            for (Object status : ((Map<?, ?>) op.spec().get("responses")).keySet()) {
                inDocument.addAll(ApiDocumentContract.codes(op, status.toString()));
            }
        }
        inDocument.addAll(codes(info("description")));
        assertThat(inDocument).hasSizeGreaterThan(60);
        assertThat(inReadme).isEqualTo(inDocument);
    }

    /** The header's documented pattern accepts exactly the keys core's IdempotencyKey accepts. */
    @Test
    void theIdempotencyKeyPatternIsTheCoresRule() {
        Set<String> patterns = new TreeSet<>();
        for (ApiDocumentContract.Operation op : ApiDocumentContract.operations(spec)) {
            for (Object p : (List<?>) op.spec().getOrDefault("parameters", List.of())) {
                Map<?, ?> param = (Map<?, ?>) p;
                if ("Idempotency-Key".equals(param.get("name"))) {
                    patterns.add(String.valueOf(((Map<?, ?>) param.get("schema")).get("pattern")));
                }
            }
        }
        assertThat(patterns).hasSize(1);
        Pattern documented = Pattern.compile(patterns.iterator().next());
        for (String key : List.of("abcdefgh", "a".repeat(64), "a".repeat(65), "abcdefg", "5f0c2b7e-8d1a_4c3e",
                "has space", "键键键键键键键键", "abc.defgh", "")) {
            assertThat(documented.matcher(key).find()).as(key).isEqualTo(IdempotencyKey.isValid(key));
        }
    }

    /** A report's status may be sent as the name or the Chinese label, exactly (core's ProgressStatus). */
    @Test
    void theReportStatusesAreTheCores() {
        Map<?, ?> report = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) spec.get("components")).get("schemas"))
                .get("ApiBodies.ProgressReport");
        Map<?, ?> status = (Map<?, ?>) ((Map<?, ?>) report.get("properties")).get("status");
        Set<String> core = new TreeSet<>();
        for (ProgressStatus s : ProgressStatus.values()) {
            core.add(s.name());
            core.add(s.label());
        }
        assertThat(new TreeSet<>((List<?>) status.get("enum"))).isEqualTo(core);
    }

    private static String info(String field) {
        return String.valueOf(((Map<?, ?>) spec.get("info")).get(field));
    }

    private static Set<String> codes(String text) {
        Set<String> codes = new TreeSet<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }
}
