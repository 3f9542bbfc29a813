package org.iepmp.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.iepmp.practice.api.PracticeCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wrong input gets a sentence in the user's language and the right exit code (1 failure, 2 usage),
 * never a stack trace: unknown package, bad version, invalid --set, unreachable repository, no
 * cluster, unknown options — in English and in Chinese.
 */
class CliBadInputTest {

    @TempDir
    static Path dir;

    private static CliHarness cli;

    @BeforeAll
    static void repositories() throws Exception {
        PracticeCatalog.Layout catalog = PracticeCatalog.create().writeTo(dir.resolve("practice-catalog"));
        cli = new CliHarness(dir);
        assertThat(cli.run("repo", "add", "practice", catalog.glasskubeRepository().toString(), "--type", "glasskube").exit()).isZero();
    }

    private static void assertFails(CliHarness.Run run, int exit, String... texts) {
        assertThat(run.exit()).as(run.toString()).isEqualTo(exit);
        assertThat(run.err()).as(run.toString()).contains(texts).doesNotContain("Exception", "\tat ");
    }

    @Test
    void unknownPackage() {
        assertFails(cli.run("show", "no-such-package"), 1, "Error: Repository problem: Package no-such-package was not found");
        assertFails(cli.run("--lang", "zh-TW", "show", "no-such-package"), 1, "錯誤：", "找不到套件 no-such-package");
        assertFails(cli.run("show", "no-such-package", "--lang", "zh-CN"), 1, "错误：", "找不到软件包 no-such-package");
    }

    @Test
    void withJsonOutputAnErrorIsAlsoAJsonObjectForScripts() throws Exception {
        CliHarness.Run run = cli.run("show", "no-such-package", "-o", "json", "--lang", "zh-TW");
        assertThat(run.exit()).isEqualTo(1);
        var error = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("catalog.PACKAGE_NOT_FOUND");
        assertThat(error.get("message").asText()).contains("找不到套件 no-such-package");
        assertThat(error.get("exitCode").asInt()).isEqualTo(1);
        CliHarness.Run usage = cli.run("history", "--since", "soon", "--output", "json");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(usage.out()).get("error").get("code").asText())
                .isEqualTo("cli.history.invalidSince");
    }

    @Test
    void badVersion() {
        assertFails(cli.run("show", "line-monitor", "--version", "9.9.9"), 1, "Package line-monitor has no version 9.9.9",
                "Pick one of the listed versions.");
        assertFails(cli.run("show", "line-monitor", "--version", "9.9.9", "--lang", "zh-TW"), 1, "line-monitor", "9.9.9", "錯誤：");
    }

    @Test
    void invalidSetIsAUsageErrorFoundBeforeAnyClusterIsNeeded() {
        assertFails(cli.run("install", "line-monitor", "--set", "no-equals-sign"), 2,
                "The value no-equals-sign is not written as Helm reads --set.", "--set replicas=2");
        assertFails(cli.run("install", "line-monitor", "--set", "hosts[x]=1", "--lang", "zh-CN"), 2, "不符合 Helm 的 --set 语法");
        assertFails(cli.run("install", "line-monitor", "--values", dir.resolve("missing.yaml").toString()), 2,
                "Cannot read the file");
    }

    @Test
    void unreachableRepository() throws Exception {
        CliHarness other = new CliHarness(Files.createDirectories(dir.resolve("other")));
        assertThat(other.run("repo", "add", "far", "http://127.0.0.1:9/charts", "--type", "helm").exit()).isZero();
        CliHarness.Run refresh = other.run("repo", "refresh");
        assertThat(refresh.exit()).as(refresh.toString()).isEqualTo(1);
        assertThat(refresh.out()).contains("far: failed, 0 packages", "Cannot reach");
        CliHarness.Run test = other.run("repo", "test", "far", "--lang", "zh-TW");
        assertThat(test.exit()).isEqualTo(1);
        assertThat(test.out()).contains("far：失敗");
        CliHarness.Run checked = other.run("repo", "add", "far2", "http://127.0.0.1:9/charts", "--type", "helm", "--test");
        assertFails(checked, 1, "Cannot reach");
        assertThat(other.run("repo", "list", "-o", "json").out()).doesNotContain("far2");
    }

    @Test
    void noCluster() {
        assertFails(cli.run("list"), 1, "Error: No cluster was found on this computer.", "iepmp practice start");
        assertFails(cli.run("list", "--lang", "zh-TW"), 1, "錯誤：在這台電腦上找不到任何叢集。");
        assertFails(cli.run("status", "line-monitor", "--kubeconfig", dir.resolve("nope.yaml").toString()), 1,
                "does not exist");
        assertFails(cli.run("list", "--practice"), 1, "The practice cluster is not running.", "iepmp practice start");
        assertFails(cli.run("list", "--practice", "--lang", "zh-CN"), 1, "练习集群没有在运行。");
    }

    @Test
    void wrongCommandLines() {
        assertFails(cli.run("install"), 2, "Wrong command line", "Run iepmp install --help");
        assertFails(cli.run("list", "--no-such-option"), 2, "Wrong command line", "--no-such-option");
        assertFails(cli.run("--lang", "zh-TW", "rollback", "x", "--to-revision", "1", "--to-version", "2"), 2, "命令列有誤");
        assertFails(cli.run("--lang", "xx", "list"), 2, "Unknown language \"xx\"");
        assertFails(cli.run("history", "--since", "last tuesday"), 2, "Cannot read the time last tuesday");
        assertFails(cli.run("history", "--export", "xml", dir.resolve("h.xml").toString()), 2, "Unknown export format xml");
        assertFails(cli.run("configure", "line-monitor"), 2, "Nothing to change.");
        assertFails(cli.run("repo", "add", "secret", "https://charts.example/", "--type", "helm", "--username", "plant"), 2,
                "No password or token was given.");
    }

    @Test
    void credentialsComeFromAFileOrThePromptNeverFromArguments() throws Exception {
        Path password = Files.writeString(dir.resolve("password.txt"), "Line3-Admin!\n");
        CliHarness.Run fromFile = cli.run("repo", "add", "private", "https://charts.example/", "--type", "helm", "--username",
                "plant", "--password-file", password.toString(), "-o", "json");
        assertThat(fromFile.exit()).as(fromFile.toString()).isZero();
        assertThat(fromFile.out()).contains("\"auth\" : \"basic\"").doesNotContain("Line3-Admin!");
        CliHarness.Run prompted = cli.input("s3cret-token\n", "repo", "add", "tokened", "https://charts.example/t", "--type", "helm",
                "--auth", "bearer");
        assertThat(prompted.exit()).as(prompted.toString()).isZero();
        assertThat(prompted.err()).contains("Token:");
        assertThat(prompted.out() + prompted.err()).doesNotContain("s3cret-token");
        assertThat(cli.run("repo", "list").out()).contains("User name and password", "Token").doesNotContain("s3cret-token", "Line3-Admin!");
        assertThat(cli.run("repo", "remove", "tokened").out()).contains("Removed repository tokened.");
        assertFails(cli.run("repo", "remove", "tokened"), 1, "Repository tokened is not configured");
    }

    @Test
    void helpIsLocalized() {
        CliHarness.Run english = cli.run("install", "--help");
        assertThat(english.exit()).isZero();
        assertThat(english.out()).contains("Usage: iepmp install", "Install a package and what it depends on", "--dry-run",
                "Do not ask; accept the preflight warnings.");
        CliHarness.Run chinese = cli.run("--lang", "zh-TW", "install", "--help");
        assertThat(chinese.out()).contains("用法：", "安裝套件及其相依套件", "不詢問；接受預檢警告。");
        CliHarness.Run top = cli.run("--lang", "zh-CN", "--help");
        assertThat(top.out()).contains("命令：", "repo", "doctor", "practice", "管理软件包的软件库。");
        assertThat(cli.run("repo").exit()).isEqualTo(2);
    }
}
