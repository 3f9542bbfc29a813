package org.iepmp.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.iepmp.catalog.api.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small rules of the command line: which words are commands, values, versions, times, transports, widths. */
class CliPartsTest {

    @TempDir
    Path dir;

    @Test
    void aCommandWordSendsTheLauncherToTheCommandLineAnythingElseToTheWindow() {
        assertThat(Cli.isCommand(new String[] {"list"})).isTrue();
        assertThat(Cli.isCommand(new String[] {"--lang", "zh-TW", "--home", "/tmp/x", "repo", "list"})).isTrue();
        assertThat(Cli.isCommand(new String[] {"--practice", "doctor"})).isTrue();
        assertThat(Cli.isCommand(new String[] {})).isFalse();
        assertThat(Cli.isCommand(new String[] {"--practice", "--section", "history"})).as("a section name is a value").isFalse();
        assertThat(Cli.isCommand(new String[] {"--kubeconfig", "list"})).as("a file called list").isFalse();
        assertThat(Cli.isCommand(new String[] {"bogus"})).isFalse();
    }

    @Test
    void setValuesAreTypedLikeHelmAndMergeOverFilesAndRecordedValues() throws Exception {
        ValueOptions options = new ValueOptions();
        Path file = Files.writeString(dir.resolve("values.yaml"), "mqtt:\n  host: broker\n  port: 1883\nreplicas: 1\n");
        options.files = List.of(file);
        options.sets = List.of("replicas=3", "mqtt.port=8883", "debug=true", "name=Line 7", "ratio=0.5", "ticket=007");
        Map<String, Object> values = options.values(Map.of("mqtt", Map.of("user", "plant"), "keep", "me"));
        assertThat(values).containsEntry("replicas", 3L).containsEntry("debug", true).containsEntry("name", "Line 7")
                .containsEntry("ratio", "0.5").containsEntry("ticket", "007").containsEntry("keep", "me");
        assertThat(values.get("mqtt")).isEqualTo(Map.of("user", "plant", "host", "broker", "port", 8883L));
        options.sets = List.of("=1");
        assertThatThrownBy(() -> options.values(Map.of())).isInstanceOf(CliException.class)
                .satisfies(e -> assertThat(((CliException) e).isUsage()).isTrue());
        Path list = Files.writeString(dir.resolve("list.yaml"), "- a\n- b\n");
        options.sets = List.of();
        options.files = List.of(list);
        assertThatThrownBy(() -> options.values(Map.of())).hasMessageContaining("cli.values.invalidFile");
    }

    @Test
    void versionsAreFoundTheWayPeopleTypeThem() {
        List<String> published = List.of("v1.2.0+1", "v1.1.0+1", "v1.0.0+1");
        assertThat(VersionNames.match(published, "1.1.0")).contains("v1.1.0+1");
        assertThat(VersionNames.match(published, "v1.0.0+1")).contains("v1.0.0+1");
        assertThat(VersionNames.match(published, "1.3.0")).isEmpty();
        assertThat(VersionNames.match(List.of("1.0.0+1", "1.0.0+2"), "1.0.0")).as("ambiguous").isEmpty();
        assertThat(VersionNames.same("v1.2.0+1", "1.2.0")).isTrue();
        assertThat(VersionNames.same(null, "1.2.0")).isFalse();
    }

    @Test
    void sinceTakesDatesTimesAndAges() {
        Instant now = Instant.parse("2026-11-22T12:00:00Z");
        assertThat(HistoryCommand.parseSince("7d", now)).isEqualTo(now.minus(Duration.ofDays(7)));
        assertThat(HistoryCommand.parseSince("30m", now)).isEqualTo(now.minus(Duration.ofMinutes(30)));
        assertThat(HistoryCommand.parseSince("2w", now)).isEqualTo(now.minus(Duration.ofDays(14)));
        assertThat(HistoryCommand.parseSince("2026-11-01T08:00:00Z", now)).isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));
        assertThat(HistoryCommand.parseSince("2026-11-01", now)).isBefore(Instant.parse("2026-11-02T00:00:00Z"));
        assertThatThrownBy(() -> HistoryCommand.parseSince("yesterday", now)).isInstanceOf(CliException.class);
    }

    @Test
    void theTransportIsGuessedFromTheLocation() {
        assertThat(RepoCommand.Add.transportOf("https://charts.example/")).isEqualTo(Transport.HTTP);
        assertThat(RepoCommand.Add.transportOf("https://git.example/plant/packages.git")).isEqualTo(Transport.GIT);
        assertThat(RepoCommand.Add.transportOf("git@git.example:plant/packages")).isEqualTo(Transport.GIT);
        assertThat(RepoCommand.Add.transportOf("/media/usb/packages")).isEqualTo(Transport.DIR);
    }

    @Test
    void chineseTakesTwoCellsInATable() {
        assertThat(Printer.width("line")).isEqualTo(4);
        assertThat(Printer.width("健康")).isEqualTo(4);
        assertThat(Printer.width("發行版本 v1")).isEqualTo(11);
    }
}
