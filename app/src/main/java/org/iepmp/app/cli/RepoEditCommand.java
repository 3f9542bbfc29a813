package org.iepmp.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.iepmp.catalog.api.AuthMethod;
import org.iepmp.catalog.api.Credentials;
import org.iepmp.catalog.api.LocationCredentials;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryStatus;
import org.iepmp.catalog.api.RepositoryStore;
import org.iepmp.catalog.api.Transport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code iepmp repo edit NAME}: changes what is given of one repository and keeps the rest (its credentials too,
 * unless new ones are given), so changing an address never loses the origin, the CA or the password.
 */
@Command(name = "edit")
final class RepoEditCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "cli.repo.param.name")
    String name;
    @Option(names = "--location", paramLabel = "LOCATION", descriptionKey = "cli.repo.param.location")
    String location;
    @Option(names = "--origin", paramLabel = "ORIGIN", converter = RepoCommand.OriginConverter.class,
            descriptionKey = "cli.repo.option.origin")
    Origin origin;
    @Mixin
    RepositorySignIn signIn = new RepositorySignIn();
    @Mixin
    RepositoryExtras extras = new RepositoryExtras();
    @Option(names = "--enabled", paramLabel = "BOOLEAN", arity = "1", descriptionKey = "cli.repo.option.enabled")
    Boolean enabled;

    @Override
    protected int run(CliSession session) {
        RepositoryStore store = session.local().repositories();
        RepositoryDefinition before = RepoCommand.configured(store, name);
        Optional<LocationCredentials> inAddress = location == null ? Optional.empty()
                : signIn.fromLocation(name, location);
        String address = inAddress.map(LocationCredentials::location).orElse(location);
        Transport transport = address == null ? before.transport() : RepoCommand.Add.transportOf(address);
        String where = address == null ? before.location()
                : transport == Transport.DIR ? Path.of(address).toAbsolutePath().normalize().toString() : address;
        AuthMethod method = inAddress.isPresent() ? AuthMethod.BASIC : signIn.given() ? signIn.method() : before.auth();
        Optional<Credentials> credentials = inAddress.map(LocationCredentials::credentials)
                .or(() -> signIn.given() ? signIn.credentials(session, method) : store.credentials(name));
        RepositoryDefinition after = new RepositoryDefinition(name, where, before.type(), transport,
                origin == null ? before.origin() : origin, method,
                extras.caCertificate(before.caCertificate()), extras.gitRef(before.gitRef()), enabled == null ? before.enabled() : enabled);
        store.save(after, credentials);
        Optional<RepositoryStatus> loaded = after.enabled() ? RepoCommand.loadOne(session, name) : Optional.empty();
        if (session.printer().json()) {
            session.printer().printJson(RepoCommand.json(after, loaded, session));
        } else {
            session.printer().say("cli.repo.edited", name, where);
            loaded.ifPresent(status -> RepoCommand.print(session, List.of(status)));
        }
        return 0;
    }
}
