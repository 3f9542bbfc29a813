package org.iepmp.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module's shape: a pure api package, and none of the libraries other modules own. */
class CatalogArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // With the shared error contract the api builds on, so its exceptions' hierarchy is known.
            .importPackages("org.iepmp.catalog", "org.iepmp.errors");

    @Test
    void theApiSeesOnlyTheJdkItselfAndTheErrorContract() {
        classes().that().resideInAPackage("org.iepmp.catalog.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.iepmp.catalog.api..", "org.iepmp.errors..")
                .check(classes);
    }

    @Test
    void theApiHoldsOnlyInterfacesRecordsEnumsAndExceptions() {
        classes().that().resideInAPackage("org.iepmp.catalog.api..").and().areTopLevelClasses()
                .and().doNotHaveSimpleName("package-info")
                .should().beInterfaces().orShould().beRecords().orShould().beEnums()
                .orShould().beAssignableTo(RuntimeException.class)
                .check(classes);
    }

    @Test
    void noUiClusterOrLocalizationLibraries() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.fabric8..", "com.marcnuri..",
                "org.iepmp.i18n..", "org.iepmp.kube..", "org.iepmp.lifecycle..", "org.iepmp.app..")
                .check(classes);
    }

    @Test
    void logsThroughSlf4jOnly() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .check(classes);
    }
}
