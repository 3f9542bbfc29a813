package org.iepmp.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.iepmp.catalog.api.Dependency;
import org.iepmp.catalog.api.Entrypoint;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.app.words.DefinitionWords;
import org.iepmp.catalog.api.ValueDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code iepmp show PACKAGE [--version V]}: versions, dependencies, value definitions and entrypoints of a package. */
@Command(name = "show")
final class ShowCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "PACKAGE", descriptionKey = "cli.param.package")
    String packageName;
    @Option(names = "--version", paramLabel = "VERSION", descriptionKey = "cli.show.option.version")
    String version;
    @Option(names = "--repository", paramLabel = "NAME", descriptionKey = "cli.search.option.repository")
    String repository;

    @Override
    protected int run(CliSession session) {
        var catalog = session.catalog();
        List<String> versions = catalog.versions(packageName);
        ResolvedVersion resolved = catalog.resolve(Optional.ofNullable(repository), packageName,
                Optional.ofNullable(version).map(v -> VersionNames.match(versions, v).orElse(v)));
        Printer printer = session.printer();
        if (printer.json()) {
            printer.printJson(Printer.object("name", resolved.name(), "version", resolved.version(), "versions", versions,
                    "repository", resolved.repository(), "origin", RepoCommand.OriginConverter.text(resolved.origin()),
                    "description", resolved.description(), "scope", resolved.scope(), "defaultNamespace", resolved.defaultNamespace(),
                    "chart", resolved.chart() == null ? null : Printer.object("name", resolved.chart().chartName(),
                            "version", resolved.chart().chartVersion(), "repositoryUrl", resolved.chart().repositoryUrl()),
                    "dependencies", resolved.dependencies().stream()
                            .map(d -> Printer.object("name", d.name(), "versionRange", d.versionRange())).toList(),
                    "values", resolved.valueDefinitions().stream().map(v -> Printer.object("name", v.name(),
                            "type", v.type().name().toLowerCase(Locale.ROOT), "default", v.secret() ? null : v.defaultValue(),
                            "label", v.label(), "description", v.description(), "options", v.options(), "secret", v.secret(),
                            "constraints", Printer.object("required", v.constraints().required(), "min", v.constraints().min(),
                                    "max", v.constraints().max(), "minLength", v.constraints().minLength(),
                                    "maxLength", v.constraints().maxLength(), "pattern", v.constraints().pattern()),
                            "targets", v.targets().stream().map(t -> Printer.object("chart", t.chartName(),
                                    "apiGroup", t.resourceApiVersion(), "kind", t.resourceKind(), "name", t.resourceName(),
                                    "namespace", t.resourceNamespace(), "op", t.patchOp(), "path", t.path(),
                                    "valueTemplate", t.valueTemplate())).toList()))
                            .toList(),
                    "entrypoints", resolved.entrypoints().stream().map(e -> Printer.object("name", e.name(),
                            "service", e.serviceName(), "port", e.port(), "localPort", e.localPort(), "scheme", e.scheme()))
                            .toList()));
            return 0;
        }
        var m = session.messages();
        CliTexts texts = new CliTexts(m);
        printer.say("cli.show.title", resolved.name(), resolved.version(), resolved.repository(), texts.origin(resolved.origin()));
        if (!resolved.description().isBlank()) {
            printer.line(resolved.description().strip());
        }
        printer.say("cli.show.versions", String.join(", ", versions));
        if (resolved.chart() != null) {
            printer.say("cli.show.chart", resolved.chart().chartName(), resolved.chart().chartVersion());
        }
        if (resolved.defaultNamespace() != null) {
            printer.say("cli.show.namespace", resolved.defaultNamespace());
        }
        printer.say("cli.show.dependencies");
        if (resolved.dependencies().isEmpty()) {
            printer.line("  " + m.get("cli.show.nothing"));
        }
        for (Dependency d : resolved.dependencies()) {
            printer.line("  " + d.name() + (d.versionRange().isEmpty() ? "" : " " + d.versionRange()));
        }
        printer.say("cli.show.values");
        if (resolved.valueDefinitions().isEmpty()) {
            printer.line("  " + m.get("cli.show.nothing"));
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (ValueDefinition v : resolved.valueDefinitions()) {
                String text = v.label() != null ? v.label() : v.description() != null ? v.description() : "";
                rows.add(List.of("  " + v.name(), v.type().name().toLowerCase(Locale.ROOT),
                        v.secret() ? m.get("cli.show.secret") : v.defaultValue() == null ? "" : v.defaultValue(),
                        DefinitionWords.constraints(m, v), text));
            }
            printer.table(List.of("  " + m.get("cli.column.name"), m.get("cli.column.type"), m.get("cli.column.default"),
                    m.get("cli.column.rules"), m.get("cli.column.description")), rows);
            printer.say("cli.show.targets");
            for (ValueDefinition v : resolved.valueDefinitions()) {
                for (String line : DefinitionWords.targets(m, v)) {
                    printer.line("  " + v.name() + " → " + line);
                }
            }
        }
        printer.say("cli.show.entrypoints");
        if (resolved.entrypoints().isEmpty()) {
            printer.line("  " + m.get("cli.show.nothing"));
        }
        for (Entrypoint e : resolved.entrypoints()) {
            printer.line("  " + e.name() + ": " + e.serviceName() + ":" + e.port());
        }
        return 0;
    }
}
