package org.iepmp.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.SearchFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code iepmp search [TEXT]}: packages of the configured repositories, best match first. */
@Command(name = "search")
final class SearchCommand extends CliCommand {

    @Parameters(arity = "0..1", paramLabel = "TEXT", descriptionKey = "cli.search.param.text")
    String text;
    @Option(names = "--origin", paramLabel = "ORIGIN", converter = RepoCommand.OriginConverter.class,
            descriptionKey = "cli.search.option.origin")
    Origin origin;
    @Option(names = "--repository", paramLabel = "NAME", descriptionKey = "cli.search.option.repository")
    String repository;

    @Override
    protected int run(CliSession session) {
        SearchFilter filter = new SearchFilter(origin == null ? Set.of() : Set.of(origin),
                repository == null ? Set.of() : Set.of(repository), java.util.Map.of(), SearchFilter.InstallState.ANY);
        List<CatalogPackage> found = session.catalog().search(text == null ? "" : text, filter);
        Printer printer = session.printer();
        if (printer.json()) {
            printer.printJson(found.stream().map(p -> Printer.object("name", p.name(), "latestVersion", p.latestVersion(),
                    "versions", p.versions(), "repository", p.repository(), "origin", RepoCommand.OriginConverter.text(p.origin()),
                    "type", p.type().name().toLowerCase(Locale.ROOT), "description", p.description(), "keywords", p.keywords()))
                    .toList());
            return 0;
        }
        if (found.isEmpty()) {
            printer.say("cli.search.none");
            return 0;
        }
        CliTexts texts = new CliTexts(session.messages());
        var m = session.messages();
        List<List<String>> rows = new ArrayList<>();
        for (CatalogPackage p : found) {
            rows.add(List.of(p.name(), p.latestVersion() == null ? "" : p.latestVersion(), p.repository(), texts.origin(p.origin()),
                    p.description()));
        }
        printer.table(List.of(m.get("cli.column.package"), m.get("cli.column.latest"), m.get("cli.column.repository"),
                m.get("cli.column.origin"), m.get("cli.column.description")), rows);
        return 0;
    }
}
