package cn.lyg.xilian.core.architecture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One home per constant (issue 13): the plan's time zone, the (task, unit) key, the plan year default, the
 * idempotency key format and the unknown-task message are each written once in the main code of every module;
 * everything else refers to that home. A source scan, because a constant copied by value leaves no dependency
 * for ArchUnit to see.
 */
class OneHomeTest {

    private static final Path CORE = Path.of("cn/lyg/xilian/core");
    private static Map<Path, String> sources;

    @BeforeAll
    static void readMainSources() throws IOException {
        Path functions = Path.of(System.getProperty("xilian.root", "../..")).resolve("functions");
        sources = new TreeMap<>();
        try (Stream<Path> modules = Files.list(functions)) {
            for (Path main : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    files.filter(f -> f.toString().endsWith(".java"))
                            .forEach(f -> sources.put(main.relativize(f), read(f)));
                }
            }
        }
        assertThat(sources).as("main sources found under %s", functions).hasSizeGreaterThan(100);
    }

    @Test
    void thePlanZoneIsDefinedOnlyInPlanTime() {
        assertThat(filesMatching(Pattern.compile("\"Asia/Shanghai\"")))
                .containsExactly(CORE.resolve("PlanTime.java"));
    }

    @Test
    void theTaskUnitKeyIsSpelledOnlyInPairKey() {
        // taskId + "<separator>" + unitId as a whole expression, whatever the separator (longer ids or texts
        // that merely contain both, such as a finding's key or a log line, are not the pair's key).
        Pattern spelled = Pattern.compile("(?<![\\w.])(?<!\\+\\s{0,3})[\\w.]*?[tT]askId(\\(\\))?\\s*\\+\\s*\"[^\"]{1,6}\"\\s*\\+\\s*"
                + "[\\w.]*[uU]nitId(\\(\\))?\\s*[;,)]");
        assertThat(filesMatching(spelled)).containsExactly(CORE.resolve("progress/PairKey.java"));
    }

    @Test
    void thePlanYearDefaultHasOneHomeAndOneKey() {
        assertThat(filesMatching(Pattern.compile("(?i)plan-?year\\s*=\\s*20\\d\\d|DEFAULT_YEAR\\s*=")))
                .containsExactly(CORE.resolve("catalog/Plan.java"));
        assertThat(filesMatching(Pattern.compile("\\.plan-year|\"plan-year")))
                .as("the one key is xilian.plan.year (PlanSettings)").isEmpty();
    }

    @Test
    void theIdempotencyKeyFormatAndTheUnknownTaskMessageHaveOneHomeEach() {
        assertThat(filesMatching(Pattern.compile(Pattern.quote("[A-Za-z0-9_-]{8,64}"))))
                .containsExactly(CORE.resolve("progress/IdempotencyKey.java"));
        assertThat(filesMatching(Pattern.compile("计划中没有编号为")))
                .containsExactly(CORE.resolve("catalog/Plan.java"));
    }

    private static List<Path> filesMatching(Pattern pattern) {
        return sources.entrySet().stream()
                .filter(e -> pattern.matcher(withoutComments(e.getValue())).find())
                .map(Map.Entry::getKey).toList();
    }

    /** Comments may name the zone or show a key; only code counts. */
    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
