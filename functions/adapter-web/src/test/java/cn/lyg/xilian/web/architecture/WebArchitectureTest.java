package cn.lyg.xilian.web.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.HttpMethodMapping;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web adapter only translates (issue 13): controllers call the core's use cases and queries, never a storage
 * port, and stay short enough to read at a glance.
 */
class WebArchitectureTest {

    private static final int MAX_CONTROLLER_LINES = 150;
    private static JavaClasses web;

    @BeforeAll
    static void importWeb() {
        web = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.lyg.xilian.web");
    }

    @Test
    void controllersReadAndWriteThroughTheCoreNotTheStorePorts() {
        noClasses().that().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .because("reads go through core.view (TaskQueries, StatusBoard) and writes through the use cases,"
                        + " where access and the rules live")
                .check(web);
    }

    /**
     * In the Lambda function (no event loop) a controller runs on the invoking thread; @ExecuteOn would hop each
     * request to an executor and back (the first request waited ~190 ms for the virtual-thread executor). Netty
     * runs (functions/local) put every controller on the blocking executor instead (thread-selection: blocking).
     */
    @Test
    void controllersDoNotChooseTheirThread() {
        noClasses().that().areAnnotatedWith(Controller.class).should().beAnnotatedWith(ExecuteOn.class)
                .andShould().dependOnClassesThat().haveFullyQualifiedName(ExecuteOn.class.getName())
                .check(web);
    }

    /**
     * Micronaut builds the JSON writer (and reader) of a route's declared body type when it builds the router, at
     * every cold start and for every route, used or not (~5 % of the API function's first request, BENCHMARKS.md).
     * A route answering HttpResponse&lt;?&gt; has its body's writer built when that route first writes one.
     */
    @Test
    void routesDeclareNoBodyTypeTheRouterWouldPrepareAtStart() {
        // every route annotation (@Get, @Post, @Put, …) carries @HttpMethodMapping
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(Controller.class)
                .and().areMetaAnnotatedWith(HttpMethodMapping.class)
                .should(new ArchCondition<>("return HttpResponse<?>, HttpResponse<byte[]> or void") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        String type = method.reflect().getGenericReturnType().getTypeName();
                        boolean lazy = type.equals("io.micronaut.http.HttpResponse<?>")
                                || type.equals("io.micronaut.http.HttpResponse<byte[]>") || type.equals("void");
                        if (!lazy) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName() + " returns " + type));
                        }
                    }
                })
                .check(web);
    }

    @Test
    void controllersStayShort() throws IOException {
        Path sources = Path.of("src/main/java/cn/lyg/xilian/web");
        Map<String, Long> longOnes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith("Controller.java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                if (lines.stream().anyMatch(l -> l.startsWith("@Controller")) && lines.size() > MAX_CONTROLLER_LINES) {
                    longOnes.put(f.getFileName().toString(), (long) lines.size());
                }
            }
        }
        assertThat(sources).isDirectory();
        assertThat(longOnes).as("controllers over %d lines", MAX_CONTROLLER_LINES).isEmpty();
    }
}
