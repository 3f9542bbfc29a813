package org.iepmp.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.catalog.api.AuthMethod;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.Credentials;
import org.iepmp.catalog.api.LocationCredentials;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryStatus;
import org.iepmp.catalog.api.RepositoryStore;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.SkippedEntry;
import org.iepmp.catalog.api.Transport;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code iepmp repo add|edit|list|remove|refresh|test}: the package repositories. */
@Command(name = "repo", subcommands = {RepoCommand.Add.class, RepoEditCommand.class, RepoCommand.ListRepositories.class,
        RepoCommand.Remove.class, RepoCommand.Refresh.class, RepoCommand.Test.class})
final class RepoCommand extends CliCommand {

    @Override
    protected int run(CliSession session) {
        return usage(session);
    }

    static Map<String, Object> json(RepositoryDefinition d, Optional<RepositoryStatus> status, CliSession session) {
        Map<String, Object> map = Printer.object("name", d.name(), "location", d.location(),
                "type", d.type().name().toLowerCase(Locale.ROOT), "transport", d.transport().name().toLowerCase(Locale.ROOT),
                "origin", OriginConverter.text(d.origin()), "auth", d.auth().name().toLowerCase(Locale.ROOT),
                "caCertificate", d.caCertificate(), "gitRef", d.gitRef(), "enabled", d.enabled());
        status.ifPresent(s -> map.put("status", statusJson(s, session)));
        return map;
    }

    static Map<String, Object> statusJson(RepositoryStatus s, CliSession session) {
        return Printer.object("repository", s.repository(), "state", s.state().name().toLowerCase(Locale.ROOT),
                "fetchedAt", s.fetchedAt().orElse(null), "packages", s.packageCount(),
                "skipped", s.skipped().stream().map(k -> skippedJson(k, session)).toList(),
                "error", s.error().map(e -> errorJson(e, session)).orElse(null));
    }

    static Map<String, Object> skippedJson(SkippedEntry skipped, CliSession session) {
        var message = new ErrorPresenter().present(skipped.asException(), session.messages());
        return Printer.object("file", skipped.file(), "package", skipped.packageName(), "version", skipped.version(),
                "field", skipped.field(), "code", skipped.reason().name(), "message", message.what());
    }

    static Map<String, Object> errorJson(CatalogException e, CliSession session) {
        var message = new ErrorPresenter().present(e, session.messages());
        return Printer.object("code", e.code().name(), "message", message.what(), "hint", message.whatToDo());
    }

    /** {@code vendor}, {@code customer}, {@code open-source} (any case, {@code _} for {@code -}). */
    static final class OriginConverter implements ITypeConverter<Origin> {
        @Override
        public Origin convert(String value) {
            return Origin.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }

        static String text(Origin origin) {
            return origin.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    @Command(name = "add")
    static final class Add extends CliCommand {
        @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "cli.repo.param.name")
        String name;
        @Parameters(index = "1", paramLabel = "LOCATION", descriptionKey = "cli.repo.param.location")
        String location;
        @Option(names = "--type", required = true, paramLabel = "TYPE", descriptionKey = "cli.repo.option.type")
        RepositoryType type;
        @Option(names = "--transport", paramLabel = "TRANSPORT", descriptionKey = "cli.repo.option.transport")
        Transport transport;
        @Option(names = "--origin", paramLabel = "ORIGIN", converter = OriginConverter.class, descriptionKey = "cli.repo.option.origin")
        Origin origin = Origin.OPEN_SOURCE;
        @Mixin
        RepositorySignIn signIn = new RepositorySignIn();
        @Mixin
        RepositoryExtras extras = new RepositoryExtras();
        @Option(names = "--disabled", descriptionKey = "cli.repo.option.disabled")
        boolean disabled;
        @Option(names = "--test", descriptionKey = "cli.repo.option.test")
        boolean test;
        @Option(names = "--replace", descriptionKey = "cli.repo.option.replace")
        boolean replace;

        @Override
        protected int run(CliSession session) throws IOException {
            RepositoryStore store = session.local().repositories();
            Optional<RepositoryDefinition> existing = store.find(name);
            if (existing.isPresent() && !replace) {
                throw new CatalogException(CatalogErrorCode.REPOSITORY_EXISTS, "repository " + name + " exists", name,
                        existing.get().location());
            }
            Optional<LocationCredentials> inAddress = signIn.fromLocation(name, location);
            String address = inAddress.map(LocationCredentials::location).orElse(location);
            Transport chosen = transport != null ? transport : transportOf(address);
            String where = chosen == Transport.DIR ? Path.of(address).toAbsolutePath().normalize().toString() : address;
            AuthMethod method = inAddress.isPresent() ? AuthMethod.BASIC : signIn.method();
            RepositoryDefinition definition = new RepositoryDefinition(name, where, type, chosen, origin, method,
                    extras.caCertificate(null), extras.gitRef(null), !disabled);
            Optional<Credentials> credentials = inAddress.map(LocationCredentials::credentials)
                    .or(() -> signIn.credentials(session, method));
            if (test) {
                RepositoryStatus status = session.local().tester().test(definition, credentials);
                if (status.error().isPresent()) {
                    throw status.error().get();
                }
            }
            store.save(definition, credentials);
            Optional<RepositoryStatus> loaded = disabled ? Optional.empty() : loadOne(session, name);
            if (session.printer().json()) {
                session.printer().printJson(json(definition, loaded, session));
            } else {
                session.printer().say("cli.repo.added", name, new CliTexts(session.messages()).type(type), where);
                loaded.ifPresent(status -> print(session, List.of(status)));
            }
            return 0;
        }

        static Transport transportOf(String location) {
            String lower = location.toLowerCase(Locale.ROOT);
            if (lower.startsWith("git@") || lower.startsWith("ssh://") || lower.startsWith("git://")
                    || (lower.startsWith("http") && lower.endsWith(".git"))) {
                return Transport.GIT;
            }
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                return Transport.HTTP;
            }
            return Transport.DIR;
        }
    }

    /** The repository of this name, or the typed "not configured". */
    static RepositoryDefinition configured(RepositoryStore store, String name) {
        return store.find(name).orElseThrow(
                () -> new CatalogException(CatalogErrorCode.REPOSITORY_NOT_FOUND, "no repository " + name, name));
    }

    /** Fetches just this repository (the others answer from their cache) and says what it holds. */
    static Optional<RepositoryStatus> loadOne(CliSession session, String name) {
        return session.local().catalog().refresh(java.util.Set.of(name)).stream()
                .filter(s -> s.repository().equals(name)).findFirst();
    }

    @Command(name = "list")
    static final class ListRepositories extends CliCommand {
        @Override
        protected int run(CliSession session) {
            RepositoryStore store = session.local().repositories();
            List<RepositoryDefinition> definitions = store.list();
            Map<String, RepositoryStatus> statuses = definitions.isEmpty() ? Map.of()
                    : session.local().catalog().loadCached().stream()
                            .collect(Collectors.toMap(RepositoryStatus::repository, Function.identity(), (a, b) -> a));
            Printer printer = session.printer();
            if (printer.json()) {
                printer.printJson(definitions.stream().map(d -> json(d, Optional.ofNullable(statuses.get(d.name())), session))
                        .toList());
                return 0;
            }
            if (definitions.isEmpty()) {
                printer.say("cli.repo.none");
                return 0;
            }
            CliTexts texts = new CliTexts(session.messages());
            var m = session.messages();
            List<List<String>> rows = new ArrayList<>();
            for (RepositoryDefinition d : definitions) {
                RepositoryStatus status = statuses.get(d.name());
                rows.add(List.of(d.name(), texts.type(d.type()), texts.transport(d.transport()), texts.origin(d.origin()),
                        texts.auth(d.auth()), d.enabled() ? m.get("cli.yes") : m.get("cli.no"),
                        status == null ? "" : texts.state(status.state()),
                        status == null ? "" : Integer.toString(status.packageCount()),
                        status == null ? "" : Integer.toString(status.skipped().size()),
                        status == null ? "" : status.fetchedAt().map(printer::dateTime).orElse(""), d.location()));
            }
            printer.table(List.of(m.get("cli.column.name"), m.get("cli.column.type"), m.get("cli.column.transport"),
                    m.get("cli.column.origin"), m.get("cli.column.auth"), m.get("cli.column.enabled"), m.get("cli.column.state"),
                    m.get("cli.column.packages"), m.get("cli.column.skipped"), m.get("cli.column.fetched"), m.get("cli.column.location")), rows);
            return 0;
        }
    }

    @Command(name = "remove")
    static final class Remove extends CliCommand {
        @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "cli.repo.param.name")
        String name;

        @Override
        protected int run(CliSession session) {
            RepositoryStore store = session.local().repositories();
            configured(store, name);
            store.remove(name);
            if (session.printer().json()) {
                session.printer().printJson(Printer.object("removed", name));
            } else {
                session.printer().say("cli.repo.removed", name);
            }
            return 0;
        }
    }

    @Command(name = "refresh")
    static final class Refresh extends CliCommand {
        @Override
        protected int run(CliSession session) {
            if (session.local().repositories().list().isEmpty()) {
                session.printer().say("cli.repo.none");
                return 0;
            }
            List<RepositoryStatus> statuses = session.local().catalog().refresh();
            print(session, statuses);
            return statuses.stream().anyMatch(s -> s.error().isPresent()) ? 1 : 0;
        }
    }

    @Command(name = "test")
    static final class Test extends CliCommand {
        @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "cli.repo.param.name")
        String name;

        @Override
        protected int run(CliSession session) {
            RepositoryStore store = session.local().repositories();
            RepositoryDefinition definition = configured(store, name);
            RepositoryStatus status = session.local().tester().test(definition, store.credentials(name));
            print(session, List.of(status));
            return status.error().isPresent() ? 1 : 0;
        }
    }

    /** One line per repository: state and package count, or the localized reason it failed. */
    static void print(CliSession session, List<RepositoryStatus> statuses) {
        Printer printer = session.printer();
        if (printer.json()) {
            printer.printJson(statuses.stream().map(s -> statusJson(s, session)).toList());
            return;
        }
        CliTexts texts = new CliTexts(session.messages());
        for (RepositoryStatus status : statuses) {
            printer.say("cli.repo.status", status.repository(), texts.state(status.state()), status.packageCount(),
                    status.skipped().size());
            for (SkippedEntry skipped : status.skipped()) {
                var reason = new ErrorPresenter().present(skipped.asException(), session.messages());
                printer.say("cli.repo.skippedEntry", skipped.packageName(), skipped.version(), skipped.field(),
                        reason.what());
            }
            status.error().ifPresent(e -> {
                var message = new ErrorPresenter().present(e, session.messages());
                printer.line("  " + message.what());
                printer.line("  " + message.whatToDo());
            });
        }
    }
}
