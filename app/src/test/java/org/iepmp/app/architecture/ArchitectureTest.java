package org.iepmp.app.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module arrows of DESIGN.md and the house rules, checked on the compiled classes of every
 * module (the app's test classpath sees them all).
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // In a reactor build the other modules arrive as jars; their test fixtures as *-tests.jar.
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.iepmp");
    }

    @Test
    void everyModuleWasImported() {
        // Guards the guard: rules over a partial import would pass vacuously.
        assertThat(classes.stream().map(c -> c.getPackageName().split("\\.")[2]).distinct())
                .contains("app", "i18n", "kube", "catalog", "lifecycle", "practice", "support", "errors");
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void onlyTheAppUsesJavaFx() {
        check(noClasses().that().resideOutsideOfPackage("org.iepmp.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..")
                .because("no module but app sees JavaFX (DESIGN.md)"));
    }

    @Test
    void theCommandLineNeverLoadsJavaFx() {
        check(noClasses().that().resideInAPackage("org.iepmp.app.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..",
                        "org.iepmp.app.gui..")
                .because("iepmp COMMAND runs over SSH and in scripts, where JavaFX cannot start"));
        check(noClasses().that().resideInAnyPackage("org.iepmp.app.engine..", "org.iepmp.app.settings..",
                        "org.iepmp.app.dialog..", "org.iepmp.app.catalog..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.iepmp.app.gui..")
                .because("the command line composes these packages too"));
    }

    @Test
    void i18nDependsOnNoOtherModule() {
        check(noClasses().that().resideInAPackage("org.iepmp.i18n..")
                .should().dependOnClassesThat().resideInAnyPackage("org.iepmp.catalog..", "org.iepmp.kube..",
                        "org.iepmp.lifecycle..", "org.iepmp.app.."));
    }

    @Test
    void theErrorContractDependsOnNoOtherModule() {
        check(classes().that().resideInAPackage("org.iepmp.errors..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.iepmp.errors..", "java..")
                .because("every module may use the error contract, so it uses no module and no library (DESIGN.md)"));
    }

    @Test
    void catalogAndKubeAdapterDoNotKnowEachOther() {
        check(noClasses().that().resideInAPackage("org.iepmp.catalog..")
                .should().dependOnClassesThat().resideInAnyPackage("org.iepmp.kube..", "org.iepmp.lifecycle..",
                        "org.iepmp.app..", "org.iepmp.i18n..", "io.fabric8..", "com.marcnuri.."));
        check(noClasses().that().resideInAPackage("org.iepmp.kube..")
                .should().dependOnClassesThat().resideInAnyPackage("org.iepmp.catalog..", "org.iepmp.lifecycle..",
                        "org.iepmp.app..", "org.iepmp.i18n.."));
    }

    @Test
    void thePracticeClusterDependsOnNoOtherModule() {
        check(noClasses().that().resideInAPackage("org.iepmp.practice..")
                .should().dependOnClassesThat().resideInAnyPackage("org.iepmp.catalog..", "org.iepmp.kube..",
                        "org.iepmp.lifecycle..", "org.iepmp.app..", "org.iepmp.i18n..")
                .because("the simulated cluster stands alone, like a real API server (DESIGN.md)"));
        check(noClasses().that().resideInAnyPackage("org.iepmp.kube..", "org.iepmp.lifecycle..", "org.iepmp.catalog..")
                .should().dependOnClassesThat().resideInAPackage("org.iepmp.practice..")
                .because("kube-adapter and lifecycle use the practice cluster in their tests only"));
    }

    @Test
    void lifecycleSeesOnlyCatalogAndKubeAdapter() {
        check(noClasses().that().resideInAPackage("org.iepmp.lifecycle..")
                .should().dependOnClassesThat().resideInAnyPackage("org.iepmp.app..", "org.iepmp.i18n.."));
    }

    @Test
    void apiPackagesKeepImplementationTypesOut() {
        check(noClasses().that().resideInAPackage("org.iepmp..api..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fabric8..", "com.marcnuri..", "java.sql..",
                        "com.fasterxml.jackson..", "org.eclipse.jgit..", "org.sqlite..")
                .because("each module's api exposes its own records and interfaces only"));
    }

    @Test
    void otherModulesUseOnlyTheApiOfTheModulesTheyDependOn() {
        check(noClasses().that().resideInAPackage("org.iepmp.lifecycle..")
                .should().dependOnClassesThat().resideInAPackage("org.iepmp.catalog.internal..")
                .orShould().dependOnClassesThat().resideInAPackage("org.iepmp.kube.internal.."));
    }

    @Test
    void remoteSupportSeesOnlyTheLifecycleApi() {
        check(noClasses().that().resideInAPackage("org.iepmp.support..")
                .should().dependOnClassesThat().resideInAnyPackage("org.iepmp.app..", "org.iepmp.catalog..",
                        "org.iepmp.kube..", "org.iepmp.i18n..", "org.iepmp.practice..",
                        "javafx..", "atlantafx..", "org.controlsfx..")
                .because("remote-support -> lifecycle (its api only), and no JavaFX (DESIGN.md)"));
        check(noClasses().that().resideInAPackage("org.iepmp.support..")
                .should().dependOnClassesThat(resideInAPackage("org.iepmp.lifecycle..")
                        .and(resideOutsideOfPackage("org.iepmp.lifecycle.api..")))
                .because("remote-support uses the lifecycle's api only (DESIGN.md)"));
        check(noClasses().that().resideInAnyPackage("org.iepmp.catalog..", "org.iepmp.kube..", "org.iepmp.lifecycle..",
                        "org.iepmp.practice..", "org.iepmp.i18n..")
                .should().dependOnClassesThat().resideInAPackage("org.iepmp.support..")
                .because("only the app uses remote support"));
    }

    @Test
    void onlyTheGuiCompositionBuildsRemoteSupport() {
        check(noClasses().that().resideInAPackage("org.iepmp.app..")
                .and().haveNameNotMatching("org\\.iepmp\\.app\\.gui\\.GuiComposition(\\$.*)?")
                .should().dependOnClassesThat(resideInAPackage("org.iepmp.support..")
                        .and(resideOutsideOfPackage("org.iepmp.support.api..")))
                .because("the app's views and models see remote support through its api; the composition root "
                        + "chooses the implementations"));
    }

    @Test
    void loggingOnlyThroughSlf4j() {
        check(noClasses().should().dependOnClassesThat().resideInAnyPackage("java.util.logging..",
                "org.apache.log4j..", "org.apache.logging.log4j..", "org.apache.commons.logging..")
                .because("everything logs through SLF4J"));
        check(noClasses().that().doNotHaveFullyQualifiedName("org.iepmp.app.LoggingSetup")
                .should().dependOnClassesThat().resideInAPackage("ch.qos.logback..")
                .because("only LoggingSetup configures the backend"));
    }

    @Test
    void noConsoleOutputOutsideTheCliOutputClass() {
        check(noClasses().that().doNotHaveFullyQualifiedName("org.iepmp.app.cli.CliOutput")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("terminal output goes through CliOutput, everything else through SLF4J"));
        check(noClasses().should().callMethod(Throwable.class, "printStackTrace")
                .because("stack traces belong in the log"));
    }

    @Test
    void noStaticMutableState() {
        check(fields().that().areStatic().and().areDeclaredInClassesThat().resideInAPackage("org.iepmp..")
                .should().beFinal()
                .because("no singletons or static mutable state (DESIGN.md conventions)"));
    }
}
