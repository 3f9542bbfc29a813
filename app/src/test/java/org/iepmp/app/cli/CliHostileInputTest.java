package org.iepmp.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and careless input at the command line: repository configuration that must not be lost, passwords in
 * addresses, repository text aimed at the terminal, values files that are not values. Each case checks the exit code,
 * the message (key or its English words), and that the earlier configuration is intact.
 */
class CliHostileInputTest {

    private static final String ESC = "\u001b";

    @TempDir
    Path dir;

    private CliHarness cli;
    private Path good;

    @BeforeEach
    void goodRepository() throws Exception {
        cli = new CliHarness(dir);
        good = glasskube(dir.resolve("good"), "line-app", "Line application");
        assertThat(cli.run("repo", "add", "good", good.toString(), "--type", "glasskube", "--origin", "vendor").exit()).isZero();
    }

    private static Path glasskube(Path repo, String name, String description) throws Exception {
        Files.createDirectories(repo.resolve(name + "/v1.0.0"));
        Files.writeString(repo.resolve("index.yaml"), "packages:\n  - name: " + name + "\n    shortDescription: \""
                + description + "\"\n");
        Files.writeString(repo.resolve(name + "/versions.yaml"), "versions:\n  - version: v1.0.0\n");
        Files.writeString(repo.resolve(name + "/v1.0.0/package.yaml"), "name: " + name + "\nshortDescription: \""
                + description + "\"\nmanifests: []\n");
        return repo;
    }

    private JsonNode json(CliHarness.Run run) throws Exception {
        assertThat(run.exit()).as(run.toString()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    private JsonNode error(CliHarness.Run run, int exit) throws Exception {
        assertThat(run.exit()).as(run.toString()).isEqualTo(exit);
        return new ObjectMapper().readTree(run.out()).get("error");
    }

    private Path repositoriesFile() {
        return dir.resolve("iepmp/config/repositories.yaml");
    }

    // ---- repository configuration ----------------------------------------------------------------------------------

    @Test
    void addingAnExistingNameIsRefusedUnlessReplaced() throws Exception {
        String before = Files.readString(repositoriesFile());
        Path other = glasskube(dir.resolve("other"), "other-app", "Other");
        JsonNode refused = error(cli.run("repo", "add", "good", other.toString(), "--type", "glasskube", "-o", "json"), 1);
        assertThat(refused.get("code").asText()).isEqualTo("catalog.REPOSITORY_EXISTS");
        assertThat(refused.get("message").asText()).contains("good", good.toString());
        assertThat(refused.get("hint").asText()).contains("repo edit good", "--replace");
        assertThat(Files.readString(repositoriesFile())).as("nothing changed").isEqualTo(before);

        CliHarness.Run replaced = cli.run("repo", "add", "good", other.toString(), "--type", "glasskube", "--replace");
        assertThat(replaced.exit()).as(replaced.toString()).isZero();
        assertThat(json(cli.run("repo", "list", "-o", "json")).get(0).get("location").asText()).isEqualTo(other.toString());
    }

    @Test
    void editChangesWhatIsGivenAndKeepsTheRest() throws Exception {
        Path password = Files.writeString(dir.resolve("pw.txt"), "Line3-Admin!\n");
        assertThat(cli.run("repo", "add", "vendor", "http://127.0.0.1:9/charts", "--type", "helm", "--origin", "vendor",
                "--username", "plant", "--password-file", password.toString()).exit()).isZero();
        CliHarness.Run edited = cli.run("repo", "edit", "vendor", "--origin", "customer", "--enabled", "false");
        assertThat(edited.exit()).as(edited.toString()).isZero();
        assertThat(edited.out()).contains("Changed repository vendor");
        JsonNode vendor = json(cli.run("repo", "list", "-o", "json")).get(1);
        assertThat(vendor.get("origin").asText()).isEqualTo("customer");
        assertThat(vendor.get("location").asText()).isEqualTo("http://127.0.0.1:9/charts");
        assertThat(vendor.get("auth").asText()).isEqualTo("basic");
        assertThat(vendor.get("enabled").asBoolean()).isFalse();
        assertThat(Files.readString(dir.resolve("iepmp/config/credentials.yaml"))).contains("Line3-Admin!");

        JsonNode unknown = error(cli.run("repo", "edit", "nowhere", "--origin", "vendor", "-o", "json"), 1);
        assertThat(unknown.get("code").asText()).isEqualTo("catalog.REPOSITORY_NOT_FOUND");
    }

    @Test
    void aPasswordInAnAddressIsTakenOutNeverStoredOrShown() throws Exception {
        CliHarness.Run added = cli.run("repo", "add", "private", "http://plant:S3cret%21pw@127.0.0.1:9/charts", "--type",
                "helm");
        assertThat(added.exit()).as(added.toString()).isZero();
        assertThat(added.out() + added.err()).doesNotContain("S3cret").contains("http://127.0.0.1:9/charts");
        assertThat(Files.readString(repositoriesFile())).doesNotContain("S3cret").doesNotContain("plant:");
        Path credentials = dir.resolve("iepmp/config/credentials.yaml");
        assertThat(Files.readString(credentials)).contains("S3cret!pw");
        assertThat(Files.getPosixFilePermissions(credentials))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(cli.run("repo", "list").out()).doesNotContain("S3cret");

        Path password = Files.writeString(dir.resolve("pw.txt"), "other\n");
        JsonNode both = error(cli.run("repo", "add", "twice", "https://u:p@charts.invalid/", "--type", "helm",
                "--username", "u", "--password-file", password.toString(), "-o", "json"), 1);
        assertThat(both.get("code").asText()).isEqualTo("catalog.CREDENTIALS_IN_URL");
        assertThat(Files.readString(repositoriesFile())).doesNotContain("twice");
    }

    @Test
    void partialRepositoriesSayHowManyEntriesWereSkipped() throws Exception {
        Path partial = glasskube(dir.resolve("partial"), "fine-app", "Fine");
        Files.writeString(partial.resolve("index.yaml"), Files.readString(partial.resolve("index.yaml"))
                + "  - name: \"Bad Name\"\n");
        Files.writeString(partial.resolve("fine-app/versions.yaml"), "versions:\n  - version: v1.0.0\n  - version: latest\n");
        CliHarness.Run added = cli.run("repo", "add", "partial", partial.toString(), "--type", "glasskube");
        assertThat(added.exit()).as(added.toString()).isZero();
        assertThat(added.out()).contains("partial: up to date, 1 packages, 2 entries skipped")
                .contains("skipped fine-app latest (field version)", "not a valid semantic version")
                .contains("skipped Bad Name  (field name)");
        JsonNode listed = json(cli.run("repo", "list", "-o", "json")).get(1).get("status");
        assertThat(listed.get("skipped")).hasSize(2);
        assertThat(listed.get("skipped").get(0).get("code").asText()).isEqualTo("INVALID_FIELD");
        assertThat(cli.run("repo", "list").out()).contains("SKIPPED");
        assertThat(json(cli.run("search", "-o", "json")).findValuesAsText("name")).contains("fine-app", "line-app");
    }

    // ---- output injection ------------------------------------------------------------------------------------------

    @Test
    void repositoryTextCannotDriveTheTerminal() throws Exception {
        String hostile = "Line app\\e]0;pwned\\a\\e[2J\\e[31mRED\\u202eevil\\u009b";
        glasskube(dir.resolve("evil"), "evil-app", hostile);
        assertThat(cli.run("repo", "add", "evil", dir.resolve("evil").toString(), "--type", "glasskube").exit()).isZero();
        for (CliHarness.Run run : new CliHarness.Run[] {cli.run("search", "evil"), cli.run("show", "evil-app")}) {
            assertThat(run.exit()).as(run.toString()).isZero();
            String all = run.out() + run.err();
            assertThat(all).doesNotContain(ESC).doesNotContain("\u0007").doesNotContain("\u202e").doesNotContain("\u009b");
            assertThat(run.out()).contains("\\u001b]0;pwned\\u0007", "\\u202eevil");
        }
        CliHarness.Run json = cli.run("search", "evil", "-o", "json");
        assertThat(json.out()).doesNotContain(ESC).doesNotContain("\u202e").doesNotContain("\u009b");
        String parsed = new ObjectMapper().readTree(json.out()).get(0).get("description").asText();
        assertThat(parsed).as("JSON stays exact").isEqualTo("Line app\u001b]0;pwned\u0007\u001b[2J\u001b[31mRED\u202eevil\u009b");
    }

    // ---- values --------------------------------------------------------------------------------------------------

    @Test
    void valuesThatAreNotValuesGetAMessageNotACrash() throws Exception {
        CliHarness.Run zero = cli.run("install", "line-app", "--values", "/dev/zero");
        assertThat(zero.exit()).as(zero.toString()).isEqualTo(2);
        assertThat(zero.err()).contains("The file /dev/zero is larger than 4,194,304 bytes").doesNotContain("Exception");

        Path dup = Files.writeString(dir.resolve("dup.yaml"), "replicas: 1\nimage:\n  tag: a\n  tag: b\n");
        CliHarness.Run duplicate = cli.run("install", "line-app", "--values", dup.toString(), "--lang", "zh-TW");
        assertThat(duplicate.exit()).as(duplicate.toString()).isEqualTo(2);
        assertThat(duplicate.err()).contains(dup.toString(), "tag", "第 4 行");

        CliHarness.Run folder = cli.run("install", "line-app", "--values", dir.toString());
        assertThat(folder.exit()).isEqualTo(2);
        assertThat(folder.err()).contains("Cannot read the file").doesNotContain("disk space");

        Path laughs = Files.writeString(dir.resolve("laughs.yaml"), billionLaughs());
        CliHarness.Run bomb = cli.run("install", "line-app", "--values", laughs.toString());
        assertThat(bomb.exit()).isEqualTo(2);
        assertThat(bomb.err()).contains("is not valid YAML");

        for (String line : new String[] {"a.b[0]=x", "a\\.b=x", "a=1,b=2", "list={1,2}", "x=a\\,b"}) {
            CliHarness.Run set = cli.run("install", "line-app", "--set", line, "--dry-run");
            assertThat(set.exit()).as("--set %s is Helm syntax: it gets past the command line to the cluster choice", line)
                    .isEqualTo(1);
            assertThat(set.err()).contains("No cluster was found");
        }
    }

    private static String billionLaughs() {
        StringBuilder text = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 13; i++) {
            text.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                text.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            text.append("]\n");
        }
        return text.toString();
    }

    // ---- kubeconfigs ----------------------------------------------------------------------------------------------

    @Test
    void brokenKubeconfigsAreNamed() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.yaml"), "\u0000\u0001 not: [yaml");
        CliHarness.Run run = cli.run("list", "--kubeconfig", garbage.toString());
        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains(garbage.getFileName().toString()).doesNotContain("Exception", "\tat ");
        Path unreachable = Files.writeString(dir.resolve("far.yaml"), "apiVersion: v1\nkind: Config\nclusters:\n"
                + "- name: far\n  cluster:\n    server: https://127.0.0.1:9\ncontexts:\n- name: far\n  context:\n"
                + "    cluster: far\n    user: far\ncurrent-context: far\nusers:\n- name: far\n  user:\n    token: x\n");
        CliHarness.Run far = cli.run("list", "--kubeconfig", unreachable.toString());
        assertThat(far.exit()).as(far.toString()).isEqualTo(1);
        assertThat(far.err()).doesNotContain("Exception", "\tat ");
        assertThat(Files.readString(repositoriesFile())).contains("good");
    }
}
