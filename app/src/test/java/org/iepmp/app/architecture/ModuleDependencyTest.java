package org.iepmp.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Maven dependency graph between our modules matches DESIGN.md's allowed arrows. Everyone may
 * use the error contract (iepmp-error-codes); it uses no one.
 */
class ModuleDependencyTest {

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "error-codes", Set.of(),
            "i18n", Set.of("iepmp-error-codes"),
            "package-catalog", Set.of("iepmp-error-codes"),
            "practice-cluster", Set.of(),
            "kube-adapter", Set.of("iepmp-error-codes"),
            "lifecycle", Set.of("iepmp-package-catalog", "iepmp-kube-adapter", "iepmp-error-codes"),
            "remote-support", Set.of("iepmp-lifecycle", "iepmp-error-codes"),
            "app", Set.of("iepmp-lifecycle", "iepmp-package-catalog", "iepmp-kube-adapter", "iepmp-remote-support",
                    "iepmp-practice-cluster", "iepmp-i18n", "iepmp-error-codes"),
            "installer", Set.of("iepmp-app"));

    @Test
    void everyModuleDependsOnlyOnAllowedModules() throws Exception {
        Path root = ProjectRoot.find();
        for (Map.Entry<String, Set<String>> module : ALLOWED.entrySet()) {
            Set<String> actual = ourDependencies(root.resolve(module.getKey()).resolve("pom.xml"));
            assertThat(actual).as("org.iepmp dependencies of %s", module.getKey())
                    .isSubsetOf(module.getValue());
        }
    }

    private static Set<String> ourDependencies(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(pom.toFile());
        Set<String> result = new TreeSet<>();
        NodeList dependencies = document.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            String group = dependency.getElementsByTagName("groupId").item(0).getTextContent().trim();
            String artifact = dependency.getElementsByTagName("artifactId").item(0).getTextContent().trim();
            NodeList scope = dependency.getElementsByTagName("scope");
            boolean testOnly = scope.getLength() > 0 && "test".equals(scope.item(0).getTextContent().trim());
            if ("org.iepmp".equals(group) && !testOnly) {
                result.add(artifact);
            }
        }
        return result;
    }
}
