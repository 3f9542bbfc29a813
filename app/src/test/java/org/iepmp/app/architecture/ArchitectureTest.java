package org.iepmp.app.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module arrows of DESIGN.md and the house rules, checked on the compiled classes of every
 * module (the app's test classpath sees them all). Every package of ours a rule names goes through
 * {@link #existing}, and every exempted composition root is looked up, so a rule about a package or
 * class that is not there fails instead of passing without checking anything.
 */
class ArchitectureTest {

    /**
     * The composition roots: the only classes that may use other modules' implementations (through
     * their factories) — the entry point, the window's composition, and the local parts and stores
     * that the window and the command line compose alike.
     */
    static final List<String> COMPOSITION_ROOTS = List.of(
            "org.iepmp.app.Main",
            "org.iepmp.app.gui.GuiComposition",
            // the GUI composition's remote-support part (the window's wiring, split by feature)
            "org.iepmp.app.gui.SupportWiring",
            "org.iepmp.app.engine.LocalParts",
            "org.iepmp.app.engine.LocalStorageConnection");

    /** The module of the shared error contract, usable by every module. */
    private static final String ERROR_CONTRACT = "errors";

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

    @Test
    void everyCompositionRootExists() {
        assertThat(COMPOSITION_ROOTS).allSatisfy(root -> assertThat(classes.contain(root))
                .as("composition root %s named in the rules is not among the imported classes", root).isTrue());
    }

    @Test
    void theExistenceCheckCatchesAMisspelledPackage() {
        // Guards the guard of the guard: the package check itself must refuse a package that is not there.
        assertThatThrownBy(() -> existing("org.iepmp.catalog.internal.."))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void theApiRuleSeesWhatTheCompositionRootsBuild() {
        // The composition roots build implementations through the factories: the rule they are exempt from must see that.
        assertThat(classes().that(compositionRoot()).should(useOnlyTheApiOfOtherModules(Set.of())).evaluate(classes).hasViolation())
                .isTrue();
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    /**
     * The given package patterns of ours, after asserting that each matches at least one imported
     * class: a rule naming a package that does not exist would pass without checking anything.
     */
    static String[] existing(String... packages) {
        for (String pattern : packages) {
            PackageMatcher matcher = PackageMatcher.of(pattern);
            assertThat(classes.stream().anyMatch(c -> matcher.matches(c.getPackageName())))
                    .as("no imported class in %s, named in an architecture rule", pattern).isTrue();
        }
        return packages;
    }

    private static String existingClass(String name) {
        assertThat(classes.contain(name)).as("class %s, named in an architecture rule, is not among the imported classes", name)
                .isTrue();
        return name;
    }

    private static String existingPackage(String pattern) {
        return existing(pattern)[0];
    }

    /** A composition root, or a class nested in one (its anonymous and inner classes). */
    private static DescribedPredicate<JavaClass> compositionRoot() {
        return DescribedPredicate.describe("a composition root " + COMPOSITION_ROOTS, c -> COMPOSITION_ROOTS.stream()
                .anyMatch(root -> c.getName().equals(root) || c.getName().startsWith(root + "$")));
    }

    /** {@code catalog} of {@code org.iepmp.catalog.version}: the module a package of ours belongs to. */
    private static String moduleOf(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }

    private static boolean isApiOf(String module, String packageName) {
        if (module.equals(ERROR_CONTRACT)) {
            return true; // the error-codes module is a contract as a whole, and every module may use it (DESIGN.md)
        }
        String api = "org.iepmp." + module + ".api";
        return packageName.equals(api) || packageName.startsWith(api + ".");
    }

    /** Any dependency on a class of another of our modules targets that module's {@code api} package. */
    private static ArchCondition<JavaClass> useOnlyTheApiOfOtherModules(Set<String> allowedModules) {
        String allowed = allowedModules.isEmpty() ? "" : " (and only of " + allowedModules + ")";
        return new ArchCondition<>("use only the api packages of other modules" + allowed) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String own = moduleOf(item.getPackageName());
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getBaseComponentType().getPackageName();
                    if (!target.startsWith("org.iepmp.") || moduleOf(target).equals(own)) {
                        continue;
                    }
                    String module = moduleOf(target);
                    boolean ok = isApiOf(module, target) && (allowedModules.isEmpty() || allowedModules.contains(module)
                            || module.equals(ERROR_CONTRACT));
                    if (!ok) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    @Test
    void onlyTheAppUsesJavaFx() {
        check(noClasses().that().resideOutsideOfPackage(existingPackage("org.iepmp.app.."))
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..")
                .because("no module but app sees JavaFX (DESIGN.md)"));
    }

    @Test
    void theCommandLineNeverLoadsJavaFx() {
        check(noClasses().that().resideInAPackage(existingPackage("org.iepmp.app.cli.."))
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..",
                        existingPackage("org.iepmp.app.gui.."))
                .because("iepmp COMMAND runs over SSH and in scripts, where JavaFX cannot start"));
        check(noClasses().that().resideInAnyPackage(existing("org.iepmp.app.engine..", "org.iepmp.app.settings..",
                        "org.iepmp.app.dialog.."))
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", existingPackage("org.iepmp.app.gui.."))
                .because("the command line composes these packages too"));
    }

    @Test
    void i18nDependsOnNoOtherModule() {
        check(noClasses().that().resideInAPackage(existingPackage("org.iepmp.i18n.."))
                .should().dependOnClassesThat().resideInAnyPackage(existing("org.iepmp.catalog..", "org.iepmp.kube..",
                        "org.iepmp.lifecycle..", "org.iepmp.app..")));
    }

    @Test
    void theErrorContractDependsOnNoOtherModule() {
        check(classes().that().resideInAPackage("org.iepmp.errors..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.iepmp.errors..", "java..")
                .because("every module may use the error contract, so it uses no module and no library (DESIGN.md)"));
    }

    @Test
    void catalogAndKubeAdapterDoNotKnowEachOther() {
        check(noClasses().that().resideInAPackage(existingPackage("org.iepmp.catalog.."))
                .should().dependOnClassesThat().resideInAnyPackage(existing("org.iepmp.kube..", "org.iepmp.lifecycle..",
                        "org.iepmp.app..", "org.iepmp.i18n.."))
                .orShould().dependOnClassesThat().resideInAnyPackage("io.fabric8..", "com.marcnuri.."));
        check(noClasses().that().resideInAPackage(existingPackage("org.iepmp.kube.."))
                .should().dependOnClassesThat().resideInAnyPackage(existing("org.iepmp.catalog..", "org.iepmp.lifecycle..",
                        "org.iepmp.app..", "org.iepmp.i18n..")));
    }

    @Test
    void thePracticeClusterDependsOnNoOtherModule() {
        check(noClasses().that().resideInAPackage(existingPackage("org.iepmp.practice.."))
                .should().dependOnClassesThat().resideInAnyPackage(existing("org.iepmp.catalog..", "org.iepmp.kube..",
                        "org.iepmp.lifecycle..", "org.iepmp.app..", "org.iepmp.i18n.."))
                .because("the simulated cluster stands alone, like a real API server (DESIGN.md)"));
        check(noClasses().that().resideInAnyPackage(existing("org.iepmp.kube..", "org.iepmp.lifecycle..", "org.iepmp.catalog.."))
                .should().dependOnClassesThat().resideInAPackage(existingPackage("org.iepmp.practice.."))
                .because("kube-adapter and lifecycle use the practice cluster in their tests only"));
    }

    @Test
    void lifecycleSeesOnlyTheApisOfCatalogAndKubeAdapter() {
        check(classes().that().resideInAPackage(existingPackage("org.iepmp.lifecycle.."))
                .should(useOnlyTheApiOfOtherModules(Set.of(moduleOf(existingPackage("org.iepmp.catalog.api")),
                        moduleOf(existingPackage("org.iepmp.kube.api")))))
                .because("lifecycle -> package-catalog, kube-adapter, through their api only (DESIGN.md)"));
    }

    @Test
    void apiPackagesKeepImplementationTypesOut() {
        check(noClasses().that().resideInAPackage(existingPackage("org.iepmp..api.."))
                .should().dependOnClassesThat().resideInAnyPackage("io.fabric8..", "com.marcnuri..", "java.sql..",
                        "com.fasterxml.jackson..", "org.eclipse.jgit..", "org.sqlite..")
                .because("each module's api exposes its own records and interfaces only"));
    }

    @Test
    void everyModuleUsesOnlyTheApiOfTheOthers() {
        // Generic over org.iepmp.<module>.api: covers every module of ours, present and future.
        check(classes().that().resideInAPackage(existingPackage("org.iepmp..")).and(DescribedPredicate.not(compositionRoot()))
                .should(useOnlyTheApiOfOtherModules(Set.of()))
                .because("each module's other modules import only its api; composition roots are the exception"));
    }

    @Test
    void theAppOutsideItsCompositionRootsUsesOnlyApis() {
        check(noClasses().that().resideInAPackage(existingPackage("org.iepmp.app..")).and(DescribedPredicate.not(compositionRoot()))
                .should().dependOnClassesThat(DescribedPredicate.describe("a class of another module outside its api",
                        c -> c.getPackageName().startsWith("org.iepmp.") && !moduleOf(c.getPackageName()).equals("app")
                                && !isApiOf(moduleOf(c.getPackageName()), c.getPackageName())))
                .orShould().dependOnClassesThat().resideInAnyPackage("io.fabric8..", "com.marcnuri..", "org.sqlite..")
                .because("the window and the command line reach catalog, kube-adapter, lifecycle, practice cluster and"
                        + " remote support through their api; only the composition roots build implementations"));
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
                .and().haveNameNotMatching("org\\.iepmp\\.app\\.gui\\.(GuiComposition|SupportWiring)(\\$.*)?")
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
        check(noClasses().that().doNotHaveFullyQualifiedName(existingClass("org.iepmp.app.LoggingSetup"))
                .should().dependOnClassesThat().resideInAPackage("ch.qos.logback..")
                .because("only LoggingSetup configures the backend"));
    }

    @Test
    void noConsoleOutputOutsideTheCliOutputClass() {
        check(noClasses().that().doNotHaveFullyQualifiedName(existingClass("org.iepmp.app.cli.CliOutput"))
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("terminal output goes through CliOutput, everything else through SLF4J"));
        check(noClasses().should().callMethod(Throwable.class, "printStackTrace")
                .because("stack traces belong in the log"));
    }

    @Test
    void noStaticMutableState() {
        check(fields().that().areStatic().and().areDeclaredInClassesThat().resideInAPackage(existingPackage("org.iepmp.."))
                .should().beFinal()
                .because("no singletons or static mutable state (DESIGN.md conventions)"));
    }
}
