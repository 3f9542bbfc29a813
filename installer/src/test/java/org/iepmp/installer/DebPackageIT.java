package org.iepmp.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the .deb that the build just made, without installing it: metadata and file list
 * ({@code dpkg-deb -I/-c}), the desktop entry, the size budget, the maintainer scripts (run
 * against a scratch root through {@code DPKG_ROOT}) and a headless {@code --self-check} of the
 * launcher unpacked with {@code dpkg-deb -x}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DebPackageIT {

    private static final Logger LOG = LoggerFactory.getLogger(DebPackageIT.class);

    private static final String PACKAGE = "iepmp-console";
    private static final String INSTALL_DIR = "opt/" + PACKAGE;
    private static final List<Integer> ICON_SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512);
    // Raised from 80 MB / 200 MB when ICU4J came in for plural and select messages (about 14 MB of jar, most of it locale
    // data the console never uses: break iterators, collation, transliteration, other locales). Trimming that data in
    // the installer's JarTrim step is the way back under the old budgets.
    private static final long DEB_BUDGET_BYTES = 95_000_000L;
    private static final long APP_IMAGE_BUDGET_BYTES = 220_000_000L;

    private final Path work = Path.of(System.getProperty("installer.work", "target/jpackage"));
    private final Path scratch = Path.of(System.getProperty("installer.scratch", "target/package-check"));
    private final String version = System.getProperty("installer.version", "");

    private Path deb;
    private Path unpacked;
    private Path control;

    @BeforeAll
    void unpackWithoutInstalling() throws Exception {
        try (Stream<Path> debs = Files.list(work.resolve("deb"))) {
            List<Path> found = debs.filter(p -> p.toString().endsWith(".deb")).toList();
            assertThat(found).as("exactly one .deb in %s", work.resolve("deb")).hasSize(1);
            deb = found.get(0);
        }
        deleteTree(scratch);
        unpacked = Files.createDirectories(scratch.resolve("root"));
        control = scratch.resolve("control");
        dpkgDeb("-x", deb.toString(), unpacked.toString());
        dpkgDeb("-e", deb.toString(), control.toString());
        // As postinst does on a real installation: every check below sees the installed state.
        ProcessRun.run(List.of(unpacked.resolve(INSTALL_DIR + "/lib/app/startup-archive").toString(), "create"), scratch)
                .requireSuccess();
    }

    @Test
    void metadataNamesThePackageItsReleaseVersionAndTheDependencies() throws Exception {
        String info = dpkgDeb("-I", deb.toString());
        Map<String, String> fields = controlFields(info);

        assertThat(version).isNotBlank().doesNotContain("SNAPSHOT");
        assertThat(fields).containsEntry("Package", PACKAGE).containsEntry("Architecture", "amd64");
        assertThat(fields.get("Version")).startsWith(version + "-").doesNotContainIgnoringCase("snapshot");
        assertThat(dependencies(fields.get("Depends")))
                .contains("libgtk-3-0", "fonts-noto-cjk", "xdg-utils", "libc6")
                .doesNotHaveDuplicates();
        assertThat(fields.get("Description")).contains("MicroK8s");
        assertThat(fields.get("Maintainer")).matches("[^<>]+ <[^<>\\s]+@[^<>\\s]+>");
        assertThat(deb.getFileName().toString()).isEqualTo(PACKAGE + "_" + fields.get("Version") + "_amd64.deb");
    }

    @Test
    void fileListHoldsLauncherRuntimeDesktopEntryAndIconsUnderOpt() throws Exception {
        List<String> files = dpkgDeb("-c", deb.toString()).lines()
                .map(line -> line.substring(line.indexOf("./") + 2).replaceFirst(" -> .*", ""))
                .toList();

        assertThat(files).contains(
                INSTALL_DIR + "/bin/iepmp",
                INSTALL_DIR + "/lib/app/iepmp-app.jar",
                INSTALL_DIR + "/lib/app/iepmp.cfg",
                INSTALL_DIR + "/lib/runtime/lib/server/libjvm.so",
                INSTALL_DIR + "/lib/" + PACKAGE + "-iepmp.desktop");
        for (int size : ICON_SIZES) {
            assertThat(files).contains(INSTALL_DIR + "/lib/icons/hicolor/" + size + "x" + size + "/apps/iepmp.png");
        }
        // Everything lives under /opt: user data (XDG folders in the home) is never the package's.
        assertThat(files).allMatch(f -> f.isEmpty() || f.startsWith("opt/"), "a path under /opt");
    }

    @Test
    void packageCarriesExactlyTheLibrariesTheAppModuleRunsWith() throws Exception {
        Path appLib = Path.of(System.getProperty("installer.appLib", "../app/target/lib"));
        assertThat(appLib).as("the app module's runtime libraries (built before this module)").isDirectory();

        assertThat(fileNames(unpacked.resolve(INSTALL_DIR + "/lib/app/lib")))
                .contains("logback-classic-" , "sqlite-jdbc-", "linux-amd64-")
                .isEqualTo(fileNames(appLib));
    }

    private static String fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return String.join("\n", files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void runtimeHoldsOnlyTheNeededModulesAndOneSqliteNative() throws Exception {
        String modules = Files.readString(unpacked.resolve(INSTALL_DIR + "/lib/runtime/release"));
        assertThat(modules).contains("java.base", "java.desktop", "java.sql", "java.net.http",
                "jdk.crypto.ec", "jdk.localedata", "jdk.unsupported");
        assertThat(modules).doesNotContain("jdk.jshell", "jdk.compiler", "jdk.jpackage", "jdk.jlink");

        Path sqlite;
        try (Stream<Path> libs = Files.list(unpacked.resolve(INSTALL_DIR + "/lib/app/lib"))) {
            sqlite = libs.filter(p -> p.getFileName().toString().startsWith("sqlite-jdbc-")).findFirst().orElseThrow();
        }
        List<String> natives = ProcessRun.run(List.of(javaTool("jar"), "tf", sqlite.toString()), scratch)
                .requireSuccess().output().lines()
                .filter(name -> name.matches("org/sqlite/native/.+\\.(so|dll|dylib|jnilib)"))
                .toList();
        assertThat(natives).containsExactly("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so");
    }

    @Test
    void desktopEntryIsTranslatedCategorisedAndStartsTheLauncher() throws Exception {
        Map<String, String> entry = desktopEntry(unpacked.resolve(INSTALL_DIR + "/lib/" + PACKAGE + "-iepmp.desktop"));

        assertThat(entry).containsEntry("Type", "Application")
                .containsEntry("Name", "IEPMP Console")
                .containsEntry("Exec", "/" + INSTALL_DIR + "/bin/iepmp")
                .containsEntry("Icon", "iepmp")
                .containsEntry("Terminal", "false")
                .containsKeys("Name[zh_TW]", "Name[zh_CN]", "Comment", "Comment[zh_TW]", "Comment[zh_CN]",
                        "Keywords", "Keywords[zh_TW]", "Keywords[zh_CN]", "GenericName[zh_TW]", "GenericName[zh_CN]");
        assertThat(entry.get("Name[zh_TW]")).containsPattern("\\p{IsHan}").isNotEqualTo(entry.get("Name[zh_CN]"));
        assertThat(entry.get("Comment[zh_CN]")).containsPattern("\\p{IsHan}");
        assertThat(entry.get("Categories")).startsWith("System;");
        assertThat(entry.get("Keywords")).endsWith(";").contains("Kubernetes", "Helm");
        assertThat(entry.values()).noneMatch(value -> value.contains("APPLICATION_"));
    }

    @Test
    void unpackedLauncherPassesTheSelfCheckHeadless() throws Exception {
        Path launcher = unpacked.resolve(INSTALL_DIR + "/bin/iepmp");
        Path home = Files.createDirectories(scratch.resolve("self-check-home"));
        Map<String, String> environment = headless();

        ProcessRun version = ProcessRun.run(List.of(launcher.toString(), "--version"), scratch, environment,
                Duration.ofMinutes(1));
        ProcessRun check = ProcessRun.run(List.of(launcher.toString(), "--self-check", "--home", home.toString()),
                scratch, environment, Duration.ofMinutes(3));
        LOG.info("Self-check of the unpacked launcher:\n{}", check.output());

        assertThat(version.exitCode()).isZero();
        assertThat(version.output()).contains("IEPMP Console");
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("Self-check passed.")
                .containsPattern("OK +native Helm library: v3\\.")
                .containsPattern("OK +SQLite database: 3\\.")
                .containsPattern("OK +Java runtime modules")
                .doesNotContain("FAIL");
    }

    @Test
    void unpackedLauncherRunsTheCommandLineAndThePracticeProcess() throws Exception {
        Path launcher = unpacked.resolve(INSTALL_DIR + "/bin/iepmp");
        Path home = Files.createDirectories(scratch.resolve("cli-home"));
        Map<String, String> environment = headless();

        ProcessRun repos = ProcessRun.run(List.of(launcher.toString(), "--home", home.toString(), "repo", "list"), scratch,
                environment, Duration.ofMinutes(1));
        assertThat(repos.exitCode()).as(repos.output()).isZero();
        assertThat(repos.output()).contains("No repositories are configured.");

        ProcessRun start = ProcessRun.run(List.of(launcher.toString(), "--home", home.toString(), "practice", "start"), scratch,
                environment, Duration.ofMinutes(2));
        try {
            assertThat(start.exitCode()).as(start.output()).isZero();
            assertThat(start.output()).contains("kubeconfig.yaml", "Practice cluster runs at");
            ProcessRun list = ProcessRun.run(List.of(launcher.toString(), "--home", home.toString(), "--practice", "list", "-o",
                    "json"), scratch, environment, Duration.ofMinutes(2));
            assertThat(list.exitCode()).as(list.output()).isZero();
            assertThat(list.output()).contains("[ ]");
        } finally {
            ProcessRun stop = ProcessRun.run(List.of(launcher.toString(), "--home", home.toString(), "practice", "stop"), scratch,
                    environment, Duration.ofMinutes(1));
            assertThat(stop.output()).contains("Practice cluster stopped.");
        }
    }

    @Test
    void postinstMakesTheClassDataArchiveTheLauncherMapsAndPrermRemovesIt() throws Exception {
        Path archive = unpacked.resolve(INSTALL_DIR + "/lib/app/startup.jsa");
        Files.createDirectories(unpacked.resolve("usr/bin"));
        Path stubs = menuToolStubs(unpacked, 0);
        Files.writeString(unpacked.resolve("stub-calls.log"), "");
        assertThat(Files.readString(unpacked.resolve(INSTALL_DIR + "/lib/app/iepmp.cfg")))
                .contains("-XX:SharedArchiveFile=$APPDIR/startup.jsa");

        ProcessRun prerm = maintainerScript("prerm", unpacked, stubs, "remove");
        assertThat(prerm.exitCode()).as(prerm.output()).isZero();
        assertThat(archive).doesNotExist();
        ProcessRun postinst = maintainerScript("postinst", unpacked, stubs, "configure");
        assertThat(postinst.exitCode()).as(postinst.output()).isZero();
        assertThat(archive).isRegularFile();

        // _JAVA_OPTIONS comes after the launcher's own options (which turn JVM logging off).
        Path classLog = scratch.resolve("class-load.log");
        Map<String, String> environment = headless();
        environment.put("_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + classLog);
        ProcessRun check = ProcessRun.run(List.of(unpacked.resolve(INSTALL_DIR + "/bin/iepmp").toString(), "--self-check",
                "--home", Files.createDirectories(scratch.resolve("archive-home")).toString()), scratch, environment,
                Duration.ofMinutes(3));
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(Files.readString(classLog))
                .containsPattern("org\\.iepmp\\.i18n\\.api\\.I18n source: shared objects file")
                .containsPattern("java\\.lang\\.Object source: shared objects file");
        Files.delete(unpacked.resolve("usr/bin/iepmp"));
    }

    private static Map<String, String> headless() {
        Map<String, String> environment = new HashMap<>();
        environment.put("DISPLAY", null);
        environment.put("WAYLAND_DISPLAY", null);
        environment.put("LANG", "C.UTF-8");
        environment.put("LC_ALL", "C.UTF-8");
        return environment;
    }

    @Test
    void packageAndImageStayWithinTheSizeBudget() throws Exception {
        // Installed means with the class data archive that postinst adds (made in unpackWithoutInstalling).
        assertThat(unpacked.resolve(INSTALL_DIR + "/lib/app/startup.jsa")).isRegularFile();
        long debBytes = Files.size(deb);
        long imageBytes = treeBytes(unpacked.resolve(INSTALL_DIR));
        long runtimeBytes = treeBytes(unpacked.resolve(INSTALL_DIR + "/lib/runtime"));
        LOG.info("Size: .deb {} bytes ({} MB, budget 95 MB); installed app-image with class data archive {} bytes ({} MB, budget 220 MB); "
                + "runtime {} MB", debBytes, debBytes / 1_000_000, imageBytes, imageBytes / 1_000_000,
                runtimeBytes / 1_000_000);

        assertThat(debBytes).as(".deb bytes").isLessThanOrEqualTo(DEB_BUDGET_BYTES);
        assertThat(imageBytes).as("installed app-image bytes").isLessThanOrEqualTo(APP_IMAGE_BUDGET_BYTES);
    }

    @Test
    void maintainerScriptsCarryNoTemplatePlaceholders() throws Exception {
        for (String script : List.of("postinst", "prerm", "postrm", "preinst")) {
            String text = Files.readString(control.resolve(script));
            assertThat(text).as(script).doesNotContain("APPLICATION_", "DESKTOP_COMMANDS_", "UTILITY_SCRIPTS");
            assertThat(Files.isExecutable(control.resolve(script))).as(script + " executable").isTrue();
        }
        assertThat(Files.readString(control.resolve("postinst")))
                .contains("xdg-desktop-menu install /" + INSTALL_DIR + "/lib/" + PACKAGE + "-iepmp.desktop");
    }

    @Test
    void installOnAMachineWithoutMenuDirectoryLinksTheCommandAndSucceeds() throws Exception {
        Path root = fakeRoot("no-menu");
        Path stubs = menuToolStubs(root, 3);

        ProcessRun postinst = maintainerScript("postinst", root, stubs, "configure");

        assertThat(postinst.exitCode()).as(postinst.output()).isZero();
        assertThat(postinst.output()).contains("no desktop menu");
        assertThat(Files.readSymbolicLink(root.resolve("usr/bin/iepmp"))).isEqualTo(Path.of("/" + INSTALL_DIR + "/bin/iepmp"));
        assertThat(Files.exists(root.resolve("stub-calls.log"))).as("menu tools not called").isFalse();
    }

    @Test
    void installSucceedsWhenTheMenuToolFailsWithStatus3() throws Exception {
        Path root = fakeRoot("menu-fails");
        Files.createDirectories(root.resolve("usr/share/applications"));
        Path stubs = menuToolStubs(root, 3);

        ProcessRun postinst = maintainerScript("postinst", root, stubs, "configure");

        assertThat(postinst.exitCode()).as(postinst.output()).isZero();
        assertThat(postinst.output()).contains("could not be registered");
        assertThat(Files.readString(root.resolve("stub-calls.log")))
                .contains("xdg-desktop-menu install /" + INSTALL_DIR + "/lib/" + PACKAGE + "-iepmp.desktop")
                .contains("xdg-icon-resource install --noupdate --novendor --mode system --context apps --size 512 /"
                        + INSTALL_DIR + "/lib/icons/hicolor/512x512/apps/iepmp.png iepmp");
        assertThat(Files.isSymbolicLink(root.resolve("usr/bin/iepmp"))).isTrue();
    }

    @Test
    void upgradeKeepsTheCommandAndUserDataAndRemovalSaysWhereTheDataIs() throws Exception {
        Path root = fakeRoot("upgrade-remove");
        Files.createDirectories(root.resolve("usr/share/applications"));
        Path stubs = menuToolStubs(root, 0);
        Path history = Files.createDirectories(root.resolve("home/technician/.local/share/iepmp")).resolve("history.db");
        Files.writeString(history, "kept");
        Files.createDirectories(root.resolve("home/technician/.config/iepmp"));
        assertThat(maintainerScript("postinst", root, stubs, "configure").exitCode()).isZero();

        ProcessRun upgrade = maintainerScript("prerm", root, stubs, "upgrade", version);
        assertThat(upgrade.exitCode()).as(upgrade.output()).isZero();
        assertThat(Files.isSymbolicLink(root.resolve("usr/bin/iepmp"))).as("link kept over upgrade").isTrue();
        assertThat(maintainerScript("postinst", root, stubs, "configure", version).exitCode()).isZero();

        ProcessRun prerm = maintainerScript("prerm", root, stubs, "remove");
        ProcessRun postrm = maintainerScript("postrm", root, stubs, "remove");

        assertThat(prerm.exitCode()).as(prerm.output()).isZero();
        assertThat(postrm.exitCode()).as(postrm.output()).isZero();
        assertThat(root.resolve("usr/bin/iepmp")).doesNotExist();
        assertThat(Files.isSymbolicLink(root.resolve("usr/bin/iepmp"))).isFalse();
        assertThat(Files.readString(history)).isEqualTo("kept");
        assertThat(postrm.output()).contains("user data was left in place")
                .contains(root.resolve("home/technician/.local/share/iepmp").toString())
                .contains(root.resolve("home/technician/.config/iepmp").toString());
        assertThat(Files.readString(root.resolve("stub-calls.log"))).contains("xdg-desktop-menu uninstall");
    }

    @Test
    void removalLeavesAForeignIepmpCommandAlone() throws Exception {
        Path root = fakeRoot("foreign-command");
        Path foreign = root.resolve("usr/bin/iepmp");
        Files.writeString(foreign, "#!/bin/sh\n");
        Path stubs = menuToolStubs(root, 0);

        ProcessRun postinst = maintainerScript("postinst", root, stubs, "configure");
        ProcessRun prerm = maintainerScript("prerm", root, stubs, "remove");

        assertThat(postinst.exitCode()).isZero();
        assertThat(postinst.output()).contains("is not ours");
        assertThat(prerm.exitCode()).isZero();
        assertThat(Files.isSymbolicLink(foreign)).isFalse();
        assertThat(Files.readString(foreign)).isEqualTo("#!/bin/sh\n");
    }

    private Path fakeRoot(String name) throws IOException {
        Path root = scratch.resolve("dpkg-root-" + name);
        deleteTree(root);
        Files.createDirectories(root.resolve("usr/bin"));
        Files.createDirectories(root.resolve("home"));
        return root;
    }

    /** xdg-desktop-menu and xdg-icon-resource stand-ins that log their arguments and exit with {@code status}. */
    private static Path menuToolStubs(Path root, int status) throws IOException {
        Path stubs = Files.createDirectories(root.resolve("stubs"));
        for (String tool : List.of("xdg-desktop-menu", "xdg-icon-resource")) {
            Path stub = stubs.resolve(tool);
            String exit = "xdg-desktop-menu".equals(tool) ? String.valueOf(status) : "0";
            Files.writeString(stub, "#!/bin/sh\necho \"" + tool + " $*\" >> '" + root.resolve("stub-calls.log") + "'\n"
                    + "exit " + exit + "\n");
            Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return stubs;
    }

    private ProcessRun maintainerScript(String script, Path root, Path stubs, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", control.resolve(script).toString()));
        command.addAll(List.of(args));
        Map<String, String> environment = new HashMap<>();
        environment.put("DPKG_ROOT", root.toString());
        environment.put("PATH", stubs + ":/usr/sbin:/usr/bin:/sbin:/bin");
        return ProcessRun.run(command, root, environment, Duration.ofMinutes(3));
    }

    private String dpkgDeb(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("dpkg-deb"));
        command.addAll(List.of(args));
        return ProcessRun.run(command, work).requireSuccess().output();
    }

    private static String javaTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    /** The control fields of {@code dpkg-deb -I} output (indented by one space there). */
    private static Map<String, String> controlFields(String info) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : info.lines().toList()) {
            String trimmed = line.strip();
            int colon = trimmed.indexOf(':');
            if (line.startsWith(" ") && !line.startsWith("  ") && colon > 0 && !trimmed.contains(" bytes,")) {
                fields.putIfAbsent(trimmed.substring(0, colon), trimmed.substring(colon + 1).strip());
            }
        }
        return fields;
    }

    private static List<String> dependencies(String depends) {
        assertThat(depends).as("Depends").isNotNull();
        return Stream.of(depends.split(","))
                .map(d -> d.strip().replaceFirst("\\s*\\(.*\\)$", ""))
                .filter(d -> !d.isEmpty())
                .toList();
    }

    private static Map<String, String> desktopEntry(Path file) throws IOException {
        Map<String, String> entry = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int equals = line.indexOf('=');
            if (equals > 0 && !line.startsWith("#")) {
                entry.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        return entry;
    }

    private static long treeBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
