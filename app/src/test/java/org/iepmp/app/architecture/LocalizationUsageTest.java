package org.iepmp.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iepmp.errors.ErrorCode;
import org.iepmp.i18n.api.I18n;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every key used in any module's code exists in the bundles, and every bundle key is used
 * somewhere. Keys are always complete string literals, which is what makes this checkable; the one
 * exception, error codes, name their keys by rule ({@link ErrorCode}), so their constants are read.
 */
class LocalizationUsageTest {

    private static Set<String> usedInCode;
    private static Set<String> inBundles;
    private static List<ErrorCode> errorCodes;

    @BeforeAll
    static void scan() throws IOException {
        Pattern literal = Pattern.compile("\"((?:" + String.join("|", I18n.FAMILIES) + ")(?:\\.[A-Za-z0-9_]+)+)\"");
        usedInCode = new TreeSet<>();
        Path root = ProjectRoot.find();
        for (Path file : ProjectRoot.mainJavaFiles(root)) {
            Matcher matcher = literal.matcher(ProjectRoot.read(file));
            while (matcher.find()) {
                usedInCode.add(matcher.group(1));
            }
        }
        errorCodes = errorCodesOfEveryModule();
        for (ErrorCode code : errorCodes) {
            usedInCode.add(code.messageKey());
            usedInCode.add(code.hintKey());
        }
        inBundles = I18n.load().keys();
    }

    private static List<ErrorCode> errorCodesOfEveryModule() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.iepmp").stream()
                .filter(type -> type.isEnum() && type.isAssignableTo(ErrorCode.class))
                .flatMap(type -> Arrays.stream(type.reflect().getEnumConstants()))
                .map(ErrorCode.class::cast)
                .toList();
    }

    @Test
    void everyKeyUsedInCodeExistsInTheBundles() {
        Set<String> missing = new TreeSet<>(usedInCode);
        missing.removeAll(inBundles);
        assertThat(missing).as("keys used in code but missing in the bundles").isEmpty();
    }

    @Test
    void everyBundleKeyIsUsedInCode() {
        Set<String> unused = new TreeSet<>(inBundles);
        unused.removeAll(usedInCode);
        assertThat(unused).as("bundle keys no code uses").isEmpty();
    }

    @Test
    void theScanFindsKeys() {
        // Guards the guard: a broken scan would make both checks above pass vacuously.
        assertThat(usedInCode).contains("shell.nav.installed", "kube.error.unreachable", "common.age.minutes");
        assertThat(errorCodes.stream().map(ErrorCode::domain).distinct())
                .contains("catalog", "kube", "lifecycle", "support");
    }
}
