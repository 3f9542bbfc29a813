package org.iepmp.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.junit.jupiter.api.Test;

/**
 * This module cannot depend on i18n, so it checks here, against the bundle file, that every
 * {@code lifecycle.*} key written in its code, or named by one of its error codes, exists and every
 * bundle key is used.
 */
class LifecycleKeysTest {

    private static final Pattern KEY = Pattern.compile("\"(lifecycle\\.[A-Za-z0-9_.]+)\"");

    @Test
    void keysInCodeAndBundleAgree() throws IOException {
        Path root = Path.of(System.getProperty("iepmp.projectRoot", "..")).toAbsolutePath().normalize();
        Path bundle = root.resolve("i18n/src/main/resources/org/iepmp/i18n/lifecycle.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Set<String> inBundle = new TreeSet<>(properties.stringPropertyNames());
        Set<String> inCode = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root.resolve("lifecycle/src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    inCode.add(matcher.group(1));
                }
            }
        }
        assertThat(inCode).as("keys used in code").isNotEmpty();
        for (LifecycleErrorCode code : LifecycleErrorCode.values()) {
            inCode.add(code.messageKey());
            inCode.add(code.hintKey());
        }
        Set<String> missing = new TreeSet<>(inCode);
        missing.removeAll(inBundle);
        Set<String> unused = new TreeSet<>(inBundle);
        unused.removeAll(inCode);
        assertThat(missing).as("keys in code but not in lifecycle.properties").isEmpty();
        assertThat(unused).as("keys in lifecycle.properties never used in code").isEmpty();
    }
}
