package org.iepmp.lifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.iepmp.catalog.DefaultCatalog;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.ValueDefinition;
import org.iepmp.catalog.config.FileRepositoryStore;
import org.iepmp.errors.CodedException;
import org.iepmp.catalog.api.SettingRules;
import org.iepmp.lifecycle.api.SettingValue;
import org.iepmp.lifecycle.settings.PackageSettings;
import org.iepmp.lifecycle.settings.ResolvedSetting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Every value definition of the public Glasskube repository (the shared corpus) and of the practice
 * packages, applied with Glasskube's semantics: with its default and with generated valid values
 * (each option, both booleans, number limits), every target's template runs in Go's engine and its
 * output is JSON; on chart packages the patches apply to the package's chart values, on manifest
 * packages with local manifests to the manifest objects (remote manifests: the values are computed).
 */
class GlasskubeCorpusValuesTest {

    @TempDir
    Path dir;

    @Test
    void everyValueDefinitionOfTheCorpusAppliesWithItsDefaultAndWithValidValues() throws Exception {
        Path packages = corpus().resolve("glasskube-packages/packages");
        assumeTrue(Files.isDirectory(packages), "glasskube-packages absent from the corpus; skipping");
        DefaultCatalog catalog = catalog(packages);
        int[] counts = new int[4];
        List<String> problems = new ArrayList<>();
        try (PracticeSite site = new PracticeSite(dir.resolve("site"))) {
            PackageSettings settings = new PackageSettings(site.helm, null, Duration.ofSeconds(60));
            for (CatalogPackage pkg : catalog.packages()) {
                for (String version : pkg.versions()) {
                    ResolvedVersion resolved = catalog.resolve(Optional.empty(), pkg.name(), Optional.of(version));
                    if (resolved.valueDefinitions().isEmpty()) {
                        continue;
                    }
                    counts[0]++;
                    counts[1] += resolved.valueDefinitions().size();
                    for (Map<String, SettingValue> values : valueSets(resolved)) {
                        counts[2]++;
                        counts[3] += apply(catalog, settings, resolved, values, problems);
                    }
                }
            }
        }
        LoggerFactory.getLogger(getClass()).info("Glasskube corpus: {} versions with {} value definitions, {} value sets, {} targets applied",
                counts[0], counts[1], counts[2], counts[3]);
        // The one publisher mistake of the corpus: postgresql 16.4.0+2 patches the memory of "Deployment/redis", which it
        // does not contain (copied from the redis package). Glasskube skips such a target silently, so the memory setting
        // has no effect there; the console says so at plan time instead.
        assertThat(problems).isNotEmpty().allSatisfy(problem -> assertThat(problem).startsWith("postgresql v16.4.0+2 ")
                .contains("SETTING_TARGET_RESOURCE_UNKNOWN").contains("memory targets apps/v1 Deployment/redis"));
        assertThat(counts[1]).isGreaterThan(500);
        assertThat(counts[3]).isGreaterThan(1500);
    }

    @Test
    void thePracticePackagesApplyTheirDefaults() throws Exception {
        Path practice = org.iepmp.practice.api.PracticeCatalog.create().writeTo(dir.resolve("practice")).glasskubeRepository();
        DefaultCatalog catalog = catalog(practice);
        List<String> problems = new ArrayList<>();
        int applied = 0;
        try (PracticeSite site = new PracticeSite(dir.resolve("site"))) {
            PackageSettings settings = new PackageSettings(site.helm, null, Duration.ofSeconds(60));
            for (CatalogPackage pkg : catalog.packages()) {
                for (String version : pkg.versions()) {
                    ResolvedVersion resolved = catalog.resolve(Optional.empty(), pkg.name(), Optional.of(version));
                    for (Map<String, SettingValue> values : valueSets(resolved)) {
                        applied += apply(catalog, settings, resolved, values, problems);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(applied).isGreaterThan(10);
    }

    /** The number of targets applied; a failure is recorded in {@code problems}. */
    private static int apply(DefaultCatalog catalog, PackageSettings settings, ResolvedVersion version, Map<String, SettingValue> given,
            List<String> problems) {
        String what = version.name() + " " + version.version() + " " + given.keySet();
        try {
            Map<String, ResolvedSetting> values = settings.resolve(version, given, name -> true);
            if (version.chart() != null && !version.manifestUrls().isEmpty()) {
                // Chart and manifests together: the console refuses to install such a version (MIXED_CONTENT); its values are computed.
                return settings.preview(version, values).size();
            }
            if (version.chart() != null) {
                return settings.chart(version, values, version.chart().values(), "default").mappings().size();
            }
            Optional<List<String>> manifests = localManifests(catalog, version);
            if (manifests.isPresent()) {
                return settings.manifests(version, values, manifests.get(), "default").mappings().size();
            }
            return settings.preview(version, values).size();
        } catch (CodedException e) {
            problems.add(what + ": " + e.code() + " " + e.getMessage());
            return 0;
        }
    }

    private static Optional<List<String>> localManifests(DefaultCatalog catalog, ResolvedVersion version) {
        if (version.manifestUrls().stream().anyMatch(u -> !u.startsWith("file:"))) {
            return Optional.empty();
        }
        return Optional.of(catalog.manifests(version));
    }

    /** The defaults, then for each definition each generated valid value on its own (the others defaulted). */
    static List<Map<String, SettingValue>> valueSets(ResolvedVersion version) {
        List<Map<String, SettingValue>> sets = new ArrayList<>();
        sets.add(Map.of());
        Map<String, SettingValue> required = new LinkedHashMap<>();
        for (ValueDefinition definition : version.valueDefinitions()) {
            if (definition.constraints().required() && SettingRules.defaultOf(definition).isEmpty()) {
                generated(definition).findFirst().ifPresent(v -> required.put(definition.name(), new SettingValue.Literal(v)));
            }
        }
        sets.set(0, required);
        for (ValueDefinition definition : version.valueDefinitions()) {
            generated(definition).forEach(value -> {
                Map<String, SettingValue> set = new LinkedHashMap<>(required);
                set.put(definition.name(), new SettingValue.Literal(value));
                sets.add(set);
            });
        }
        return sets;
    }

    private static Stream<String> generated(ValueDefinition definition) {
        Stream<String> candidates = switch (definition.type()) {
            case BOOLEAN -> Stream.of("true", "false");
            case OPTIONS -> definition.options().stream();
            case NUMBER -> Stream.of(definition.constraints().min(), definition.constraints().max(), 1d)
                    .filter(java.util.Objects::nonNull).map(d -> Long.toString(d.longValue()));
            case TEXT -> Stream.of(definition.defaultValue() == null ? "" : definition.defaultValue(), "plant-3", "line.example.com",
                    literalPrefix(definition.constraints().pattern())
                            + "a".repeat(Math.max(1, definition.constraints().minLength() == null ? 1 : definition.constraints().minLength())));
        };
        return candidates.distinct().filter(v -> !v.isEmpty()).filter(v -> SettingRules.check(definition, v).isEmpty());
    }

    /** The literal text a pattern starts with ({@code sk-} of {@code sk-.+}), so a generated value can match it. */
    private static String literalPrefix(String pattern) {
        if (pattern == null) {
            return "";
        }
        StringBuilder prefix = new StringBuilder();
        for (char c : pattern.replaceFirst("^\\^", "").toCharArray()) {
            if ("\\.[]()*+?{}|^$".indexOf(c) >= 0) {
                break;
            }
            prefix.append(c);
        }
        return prefix.toString();
    }

    private DefaultCatalog catalog(Path glasskube) {
        FileRepositoryStore repositories = new FileRepositoryStore(dir.resolve("config-" + glasskube.getFileName()));
        repositories.save(RepositoryDefinition.directory("glasskube", glasskube.toString(), RepositoryType.GLASSKUBE, Origin.OPEN_SOURCE),
                Optional.empty());
        DefaultCatalog catalog = new DefaultCatalog(repositories, dir.resolve("cache-" + glasskube.getFileName()),
                CatalogSettings.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)), Clock.systemUTC());
        catalog.refresh();
        return catalog;
    }

    private static Path corpus() {
        List<String> candidates = new ArrayList<>();
        String env = System.getenv("IEPMP_CORPUS");
        if (env != null && !env.isBlank()) {
            candidates.add(env);
        }
        candidates.add("../shared/corpus");
        candidates.add("../../shared/corpus");
        candidates.add("/work/shared/corpus");
        Optional<Path> found = candidates.stream().map(Path::of).filter(Files::isDirectory).findFirst();
        assumeTrue(found.isPresent(), "corpus not found (set IEPMP_CORPUS); skipping conformance");
        return found.get();
    }

}
