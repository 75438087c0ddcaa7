package cn.lyg.xilian.web.architecture;

import cn.lyg.xilian.web.PageModel;
import cn.lyg.xilian.web.SessionController;
import cn.lyg.xilian.web.http.Authenticator;
import cn.lyg.xilian.web.http.BearerCaller;
import cn.lyg.xilian.web.http.BearerSubmitter;
import cn.lyg.xilian.web.http.SessionCaller;
import cn.lyg.xilian.web.http.SignedForm;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import gg.jte.TemplateEngine;
import gg.jte.html.HtmlInterceptor;
import gg.jte.html.HtmlTemplateOutput;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.HttpMethodMapping;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web adapter only translates (issue 13): controllers call the core's use cases and queries, never a storage
 * port, and stay short enough to read at a glance (issue 21: the caller bound once per request, typed pages).
 */
class WebArchitectureTest {

    private static final int MAX_CONTROLLER_LINES = 100;
    private static final int MAX_CONTROLLER_DEPENDENCIES = 5;
    /** Sign-in and sign-out handle credentials themselves; every other route takes a bound caller. */
    private static final String SIGN_IN_AND_OUT = SessionController.class.getName();
    /** The jte-maven-plugin's packageName (pom.xml); fragments in its subpackage "fragments". */
    private static final String TEMPLATES = "cn.lyg.xilian.web.templates";
    /** The JSON API's controllers (openapi.properties: the document is written from this package only). */
    private static final String API_PACKAGE = "cn.lyg.xilian.web.api";
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

    @Test
    void controllersTakeFewDependencies() {
        classes().that().areAnnotatedWith(Controller.class)
                .should(new ArchCondition<>("have constructors of at most " + MAX_CONTROLLER_DEPENDENCIES + " parameters") {
                    @Override
                    public void check(JavaClass controller, ConditionEvents events) {
                        controller.getConstructors().stream().filter(c -> c.getRawParameterTypes().size()
                                > MAX_CONTROLLER_DEPENDENCIES).forEach(c -> events.add(SimpleConditionEvent.violated(c,
                                c.getFullName() + " takes " + c.getRawParameterTypes().size())));
                    }
                })
                .because("a controller translates one area's requests: the caller and the plan come bound (Caller)")
                .check(web);
    }

    /**
     * Pages take a {@link SessionCaller} (or a {@link SignedForm}, which also checks the form's CSRF token), the JSON
     * API a {@link BearerCaller} (its progress submission a {@link BearerSubmitter}): bound once per request (CallerBinders), so no controller checks a session or token
     * itself, and a route cannot take the other way in.
     */
    @Test
    void routesTakeTheCallerOfTheirWayIn() {
        noClasses().that().areAnnotatedWith(Controller.class).and().doNotHaveFullyQualifiedName(SIGN_IN_AND_OUT)
                .should().dependOnClassesThat().areAssignableTo(Authenticator.class)
                .because("the caller is bound once per request (CallerBinders)")
                .check(web);
        List<String> wrong = new ArrayList<>();
        int routes = 0;
        for (JavaClass controller : web.stream().filter(c -> c.isAnnotatedWith(Controller.class)).toList()) {
            String base = controller.reflect().getAnnotation(Controller.class).value();
            for (Method route : controller.reflect().getDeclaredMethods()) {
                String path = routePath(route);
                if (path == null) {
                    continue;
                }
                routes++;
                String full = (base + "/" + path).replaceAll("/+", "/");
                boolean api = full.startsWith("/api/");
                for (Class<?> type : route.getParameterTypes()) {
                    if (api ? type == SessionCaller.class || type == SignedForm.class : type == BearerCaller.class || type == BearerSubmitter.class) {
                        wrong.add(controller.getSimpleName() + "." + route.getName() + " (" + full + ") takes "
                                + type.getSimpleName());
                    }
                }
            }
        }
        assertThat(routes).as("routes seen").isGreaterThan(20);
        assertThat(wrong).as("JSON API routes take a BearerCaller, pages a SessionCaller or SignedForm").isEmpty();
    }

    /**
     * The JSON API is the package web.api and nothing else: every route under /api/v1 is there, and its controllers
     * route only under /api. The OpenAPI document is written from that package (openapi.properties leaves the pages'
     * package out), so a JSON route elsewhere would be missing from it and a page route there would appear in it.
     */
    @Test
    void theJsonApiIsThePackageTheDocumentIsWrittenFrom() {
        List<String> wrong = new ArrayList<>();
        int api = 0;
        for (JavaClass controller : web.stream().filter(c -> c.isAnnotatedWith(Controller.class)).toList()) {
            String base = controller.reflect().getAnnotation(Controller.class).value();
            boolean inApiPackage = controller.getPackageName().equals(API_PACKAGE);
            for (Method route : controller.reflect().getDeclaredMethods()) {
                String path = routePath(route);
                if (path == null) {
                    continue;
                }
                String full = (base + "/" + path).replaceAll("/+", "/");
                if (full.startsWith("/api/v1/")) {
                    api++;
                }
                if (full.startsWith("/api/v1/") != inApiPackage && !(inApiPackage && full.startsWith("/api/"))) {
                    wrong.add(controller.getSimpleName() + "." + route.getName() + " (" + full + ")");
                }
            }
        }
        assertThat(api).as("JSON API routes seen").isGreaterThanOrEqualTo(12);
        assertThat(wrong).as("routes under /api/v1 in " + API_PACKAGE + ", and only /api routes there").isEmpty();
    }

    /**
     * Every page template takes one record (issue 21): {@code @param XxxPage page}, a {@link PageModel}; fragments take
     * records or plain values. Nothing renders a template by name with a map ({@code TemplateEngine},
     * {@code renderMap}): a misspelt or missing value then fails the build, not a request.
     */
    @Test
    void templatesTakeTypedRecordsNeverMaps() {
        noClasses().should().dependOnClassesThat().areAssignableTo(TemplateEngine.class)
                .orShould().callMethodWhere(target(name("renderMap")))
                .because("pages are rendered through the generated classes' typed render methods (Pages)")
                .check(web);
        List<JavaClass> templates = web.stream().filter(c -> c.getPackageName().startsWith(TEMPLATES)
                && c.getSimpleName().startsWith("Jte") && c.getSimpleName().endsWith("Generated")).toList();
        int permitted = PageModel.class.getPermittedSubclasses().length;
        assertThat(templates).as("generated templates in " + TEMPLATES).hasSizeGreaterThan(permitted);
        List<String> wrong = new ArrayList<>();
        int pages = 0;
        for (JavaClass template : templates) {
            Method render = Arrays.stream(template.reflect().getMethods()).filter(m -> m.getName().equals("render"))
                    .findFirst().orElseThrow();
            List<Class<?>> params = Arrays.asList(render.getParameterTypes());
            List<Class<?>> values = params.subList(2, params.size());
            assertThat(params.subList(0, 2)).containsExactly(HtmlTemplateOutput.class, HtmlInterceptor.class);
            boolean fragment = template.getPackageName().equals(TEMPLATES + ".fragments");
            if (!fragment) {
                pages++;
                if (values.size() != 1 || !PageModel.class.isAssignableFrom(values.get(0)) || !values.get(0).isRecord()) {
                    wrong.add(template.getSimpleName() + " takes " + values + ", not one PageModel record");
                }
            } else {
                values.stream().filter(t -> !t.isRecord() && t != String.class && t != boolean.class)
                        .forEach(t -> wrong.add(template.getSimpleName() + " takes " + t.getSimpleName()));
            }
        }
        assertThat(pages).as("page templates, one per PageModel record").isEqualTo(permitted);
        for (Class<?> page : PageModel.class.getPermittedSubclasses()) {
            untyped(page, page.getSimpleName(), wrong);
        }
        assertThat(wrong).as("what templates take").isEmpty();
    }

    /** A record's components, and those of the records among them: never Object, a wildcard or Map<…, Object>. */
    private static void untyped(Class<?> record, String path, List<String> wrong) {
        for (RecordComponent c : record.getRecordComponents()) {
            String type = c.getGenericType().getTypeName();
            if (type.contains("java.lang.Object") || type.contains("?")) {
                wrong.add(path + "." + c.getName() + " is " + type);
            }
            if (c.getType().isRecord() && c.getType().getPackageName().startsWith("cn.lyg.xilian.web")) {
                untyped(c.getType(), path + "." + c.getName(), wrong);
            }
        }
    }

    /** The path of a route method ({@code @Get}, {@code @Post}, … all carry {@link HttpMethodMapping}), or null. */
    private static String routePath(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethodMapping mapping = annotation.annotationType().getAnnotation(HttpMethodMapping.class);
            if (mapping != null) {
                try {
                    return (String) annotation.annotationType().getMethod("value").invoke(annotation);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }
}
