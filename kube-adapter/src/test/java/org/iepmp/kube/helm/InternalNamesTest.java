package org.iepmp.kube.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterSourceKind;
import org.iepmp.kube.api.HelmValues;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.TemplateRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Helm's own error sentences, from the real SDK, shown to the user without the console's internal paths and ids:
 * the content-addressed archive is named by its release, the private workspace's files by what they are. The log
 * message keeps Helm's text whole.
 */
class InternalNamesTest {

    private static final String DIGEST = "a8aa".repeat(16);

    @TempDir
    Path dir;

    private Path workspaces;
    private HelmJavaDriver driver;

    @BeforeEach
    void driver() throws Exception {
        workspaces = Files.createDirectories(dir.resolve("helm-tmp"));
        driver = new HelmJavaDriver(new ClusterCandidate(ClusterSourceKind.PRACTICE, dir.resolve("no-kubeconfig"), "none",
                "https://127.0.0.1:1", Optional.empty()), workspaces);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void anArchiveThatIsNotOneIsNamedByItsReleaseNotItsDigest() throws Exception {
        Path store = Files.createDirectories(dir.resolve("data/archives/sha256/a8"));
        Path archive = Files.writeString(store.resolve(DIGEST + ".tgz"), "<html>not a chart</html>");

        assertThatThrownBy(() -> driver.template(new TemplateRequest(archive, "line-app", "default", HelmValues.NONE, "",
                Duration.ofSeconds(60)))).isInstanceOfSatisfying(KubeException.class, e -> {
                    String shown = String.valueOf(e.params().get(1));
                    assertThat(shown).contains("the chart of line-app").doesNotContain(DIGEST, store.toString());
                    assertThat(e.getMessage()).as("the log keeps Helm's text").contains(DIGEST);
                });
    }

    @Test
    void brokenValuesAreTheValuesNotAWorkspaceFile() throws Exception {
        Path chart = TestCharts.archive("hello", "1.0.0", Files.createDirectories(dir.resolve("charts")));

        assertThatThrownBy(() -> driver.template(new TemplateRequest(chart, "line-app", "default",
                HelmValues.yaml("a: [unclosed\n"), "", Duration.ofSeconds(60))))
                .isInstanceOfSatisfying(KubeException.class, e -> {
                    String shown = String.valueOf(e.params().get(1));
                    assertThat(shown).contains("the values").doesNotContain(workspaces.toString(), PrivateWorkspace.PREFIX);
                    assertThat(e.getMessage()).contains(PrivateWorkspace.PREFIX);
                });
    }

    @Test
    void textWithoutInternalPathsIsLeftAlone() {
        InternalNames names = InternalNames.of(workspaces, dir.resolve("x.tgz"), "line-app");
        String helm = "template: hello/templates/cm.yaml:3:5: executing \"hello/templates/cm.yaml\" at <.Values.x>: nil";
        assertThat(names.hide(helm)).isEqualTo(helm);
        assertThat(names.hide("open " + workspaces.toAbsolutePath() + "/" + PrivateWorkspace.PREFIX + "123/kubeconfig: denied"))
                .isEqualTo("open the cluster connection: denied");
    }
}
