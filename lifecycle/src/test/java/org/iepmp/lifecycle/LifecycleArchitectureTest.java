package org.iepmp.lifecycle;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.junit.jupiter.api.Test;

/** The module's own rules: a plain api, no UI, no i18n, SLF4J only. */
class LifecycleArchitectureTest {

    // Only this module's compiled classes: scanning the whole classpath (fabric8 models...) takes half a minute.
    private final JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(mainClasses());

    private static Path mainClasses() {
        try {
            return Path.of(LifecycleErrorCode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theApiSpeaksOnlyJavaItselfAndTheErrorContract() {
        classes().that().resideInAPackage("org.iepmp.lifecycle.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.iepmp.lifecycle.api..", "org.iepmp.errors..")
                .check(main);
    }

    @Test
    void noUserInterfaceNorMessageBundlesNorApp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.iepmp.i18n..", "org.iepmp.app..")
                .check(main);
    }

    @Test
    void logsThroughSlf4jOnly() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(main);
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(main);
        GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(main);
    }
}
