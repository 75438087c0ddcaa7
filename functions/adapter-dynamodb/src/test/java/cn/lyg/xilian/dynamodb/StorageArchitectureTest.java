package cn.lyg.xilian.dynamodb;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.BeanTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.ImmutableTableSchema;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** How the adapter maps items: the Enhanced Client's static schemas, never its bean or immutable introspection. */
class StorageArchitectureTest {

    private static JavaClasses adapter;

    @BeforeAll
    static void importAdapter() {
        adapter = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.lyg.xilian.dynamodb");
    }

    @Test
    void itemsAreMappedByStaticSchemasOnly() {
        noClasses().should().dependOnClassesThat().belongToAnyOf(BeanTableSchema.class, ImmutableTableSchema.class)
                .orShould().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon.awssdk.enhanced.dynamodb.mapper.annotations..",
                        "software.amazon.awssdk.enhanced.dynamodb.document..")
                .orShould().callMethod(TableSchema.class, "fromClass", Class.class)
                .orShould().callMethod(TableSchema.class, "fromBean", Class.class)
                .orShould().callMethod(TableSchema.class, "fromImmutableClass", Class.class)
                .because("bean and immutable schemas introspect classes and spin accessors at the first request (about"
                        + " 100 ms of a cold start); each storage record declares its StaticImmutableTableSchema (ItemSchema)")
                .check(adapter);
    }

    @Test
    void theAdaptersPackagesAreFreeOfCycles() {
        slices().matching("cn.lyg.xilian.(**)").should().beFreeOfCycles().check(adapter);
    }
}
