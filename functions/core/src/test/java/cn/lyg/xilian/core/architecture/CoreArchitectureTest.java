package cn.lyg.xilian.core.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
                        "org.apache.poi..", "org.thymeleaf..")
                .because("the core is the domain and its use cases; AWS, HTTP, mail and files are adapters")
                .check(core);
    }

    @Test
    void coreDependsOnNoAdapter() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "cn.lyg.xilian.dynamodb..", "cn.lyg.xilian.web..", "cn.lyg.xilian.email..",
                        "cn.lyg.xilian.ledger..", "cn.lyg.xilian.api..", "cn.lyg.xilian.jobs..",
                        "cn.lyg.xilian.local..")
                .because("adapters depend on the core, not the other way round")
                .check(core);
    }
}
