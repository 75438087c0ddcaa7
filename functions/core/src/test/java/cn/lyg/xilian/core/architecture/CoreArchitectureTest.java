package cn.lyg.xilian.core.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Ports and adapters: the core holds the domain, the use cases and the ports, and knows nothing of AWS,
 * HTTP, mail, spreadsheets or Lambda. Adapters depend on the core, never the other way round.
 */
class CoreArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.lyg.xilian.core");
    }

    @Test
    void coreUsesNoAwsHttpMailOrSpreadsheetLibraries() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon..", "com.amazonaws..",
                        "io.micronaut.http..", "io.micronaut.function..", "io.netty..",
                        "jakarta.mail..", "org.eclipse.angus..",
                        "org.apache.poi..", "gg.jte..")
                .because("the core is the domain and its use cases; AWS, HTTP, mail and files are adapters")
                .check(core);
    }

    @Test
    void coreKnowsNoFrameworkWiringOrAnnotations() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta.inject..")
                .because("factories and @ConfigurationProperties live in functions/wiring and the adapters, and so does"
                        + " serialization metadata (@SerdeImport); the core's use cases and records are plain classes,"
                        + " nullability marked with JSpecify")
                .check(core);
    }

    @Test
    void corePackagesAreFreeOfCycles() {
        // Every package a slice, the root package and any nested one included, and no exception: a state carries
        // its Review (progress, beside the submission it reviews), supervision's record carries evidence files
        // (evidence knows nothing of supervision), and a history page knows no repository.
        slices().matching("cn.lyg.xilian.(**)").should().beFreeOfCycles()
                .because("each feature package (access, catalog, progress, alert, report, supervision, evidence, mail)"
                        + " holds its own ports; a dependency goes one way")
                .check(core);
    }

    @Test
    void valuesKnowNoStore() {
        noClasses().that().areRecords().should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .because("a value (a history page, a task's record) is what a store returns; the use cases and the"
                        + " stores' own defaults combine the stores, so no value and port refer to each other")
                .check(core);
    }

    @Test
    void theReadModelsAreALeafOfTheCore() {
        noClasses().that().resideOutsideOfPackage("cn.lyg.xilian.core.view..")
                .should().dependOnClassesThat().resideInAPackage("cn.lyg.xilian.core.view..")
                .because("core.view composes the features for the pages and the API; no feature or use case"
                        + " depends on how things are shown")
                .check(core);
    }

    @Test
    void coreDependsOnNoAdapter() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "cn.lyg.xilian.dynamodb..", "cn.lyg.xilian.web..", "cn.lyg.xilian.email..",
                        "cn.lyg.xilian.ledger..", "cn.lyg.xilian.api..", "cn.lyg.xilian.jobs..",
                        "cn.lyg.xilian.local..", "cn.lyg.xilian.wiring..", "cn.lyg.xilian.tools..")
                .because("adapters depend on the core, not the other way round")
                .check(core);
    }
}
