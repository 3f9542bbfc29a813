package org.iepmp.catalog.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.Dependency;
import org.iepmp.catalog.api.InstallPlan;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.version.Versions;

/**
 * Resolves the dependencies of a package version transitively, picks for each dependency the
 * newest version that satisfies every range asked for it, and orders the result so that every
 * package comes after what it needs.
 */
public final class DependencyResolver {

    /** Where the resolver finds packages (across repositories). */
    public interface PackageLookup {
        /** Versions of a package, preferring the repository {@code preferredRepository}; empty when no repository has it. */
        Optional<Candidates> candidates(String packageName, String preferredRepository);

        ResolvedVersion resolve(String repository, String packageName, String version);
    }

    /** The versions one repository offers for a package. */
    public record Candidates(String repository, List<String> versions) {
    }

    private record Requirement(String requiredBy, String range) {
        @Override
        public String toString() {
            return requiredBy + " needs " + (range.isEmpty() ? "any version" : range);
        }
    }

    private final PackageLookup lookup;

    public DependencyResolver(PackageLookup lookup) {
        this.lookup = lookup;
    }

    public InstallPlan plan(ResolvedVersion root) {
        Map<String, List<Requirement>> requirements = new HashMap<>();
        Map<String, ResolvedVersion> chosen = new LinkedHashMap<>();
        chosen.put(root.name(), root);
        for (Dependency dependency : root.dependencies()) {
            visit(dependency, root, requirements, chosen, root.name());
        }
        return new InstallPlan(order(root, chosen, requirements));
    }

    private void visit(Dependency dependency, ResolvedVersion parent, Map<String, List<Requirement>> requirements,
            Map<String, ResolvedVersion> chosen, String rootName) {
        String name = dependency.name();
        Versions.range(dependency.versionRange());
        List<Requirement> asked = requirements.computeIfAbsent(name, n -> new ArrayList<>());
        asked.add(new Requirement(parent.name(), dependency.versionRange()));
        ResolvedVersion current = chosen.get(name);
        if (current != null && Versions.satisfies(current.version(), dependency.versionRange())) {
            return;
        }
        if (name.equals(rootName)) {
            throw conflict(name, asked, current.version());
        }
        Candidates candidates = lookup.candidates(name, parent.repository())
                .orElseThrow(() -> new CatalogException(CatalogErrorCode.DEPENDENCY_MISSING,
                        parent.name() + " " + parent.version() + " needs " + name + " which no repository offers",
                        parent.name(), name, dependency.versionRange()));
        List<String> matching = candidates.versions();
        for (Requirement requirement : asked) {
            matching = matching.stream().filter(v -> Versions.satisfies(v, requirement.range())).toList();
        }
        Optional<String> pick = Versions.latest(matching);
        if (pick.isEmpty()) {
            if (asked.size() == 1) {
                throw new CatalogException(CatalogErrorCode.DEPENDENCY_MISSING,
                        parent.name() + " needs " + name + " " + dependency.versionRange() + " but only "
                                + candidates.versions() + " exist",
                        parent.name(), name, dependency.versionRange());
            }
            throw conflict(name, asked, current == null ? "-" : current.version());
        }
        ResolvedVersion version = lookup.resolve(candidates.repository(), name, pick.get());
        chosen.put(name, version);
        for (Dependency next : version.dependencies()) {
            visit(next, version, requirements, chosen, rootName);
        }
    }

    private static CatalogException conflict(String name, List<Requirement> asked, String current) {
        String who = asked.stream().map(Requirement::toString).collect(Collectors.joining("; "));
        return new CatalogException(CatalogErrorCode.DEPENDENCY_CONFLICT,
                "no version of " + name + " satisfies all of: " + who + " (have " + current + ")", name, who);
    }

    /** Depth-first topological order; a back edge is a cycle, reported with its path. */
    private static List<InstallPlan.Step> order(ResolvedVersion root, Map<String, ResolvedVersion> chosen,
            Map<String, List<Requirement>> requirements) {
        List<InstallPlan.Step> steps = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>();
        List<String> path = new ArrayList<>();
        walk(root.name(), chosen, requirements, state, path, steps);
        return steps;
    }

    private static void walk(String name, Map<String, ResolvedVersion> chosen, Map<String, List<Requirement>> requirements,
            Map<String, Integer> state, List<String> path, List<InstallPlan.Step> steps) {
        Integer mark = state.get(name);
        if (mark != null && mark == 2) {
            return;
        }
        if (mark != null && mark == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
            cycle.add(name);
            String text = String.join(" → ", cycle);
            throw new CatalogException(CatalogErrorCode.DEPENDENCY_CYCLE, "dependency cycle " + text, text);
        }
        state.put(name, 1);
        path.add(name);
        ResolvedVersion version = chosen.get(name);
        for (Dependency dependency : version.dependencies()) {
            walk(dependency.name(), chosen, requirements, state, path, steps);
        }
        path.remove(path.size() - 1);
        state.put(name, 2);
        List<String> requiredBy = requirements.getOrDefault(name, List.of()).stream().map(Requirement::requiredBy)
                .distinct().toList();
        steps.add(new InstallPlan.Step(version, requiredBy));
    }
}
