package org.iepmp.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.iepmp.catalog.api.AuthMethod;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.Credentials;
import org.iepmp.catalog.api.LocationCredentials;
import picocli.CommandLine.Option;

/**
 * How {@code repo add} and {@code repo edit} sign in to a repository. Secrets come from a file or a prompt; a user
 * name and password written into the address are taken out of it into the credential store, never kept or shown.
 */
final class RepositorySignIn {

    @Option(names = "--auth", paramLabel = "AUTH", descriptionKey = "cli.repo.option.auth")
    AuthMethod auth;
    @Option(names = "--username", paramLabel = "USER", descriptionKey = "cli.repo.option.username")
    String username;
    @Option(names = "--password-file", paramLabel = "FILE", descriptionKey = "cli.repo.option.passwordFile")
    Path passwordFile;
    @Option(names = "--token-file", paramLabel = "FILE", descriptionKey = "cli.repo.option.tokenFile")
    Path tokenFile;

    /** Whether any sign-in option was given. */
    boolean given() {
        return auth != null || username != null || passwordFile != null || tokenFile != null;
    }

    /**
     * The credentials written into {@code location}, refused when sign-in options say otherwise (two sources for one
     * secret would leave the user guessing which one is used).
     */
    Optional<LocationCredentials> fromLocation(String name, String location) {
        Optional<LocationCredentials> found = LocationCredentials.find(location);
        if (found.isPresent() && given()) {
            throw new CatalogException(CatalogErrorCode.CREDENTIALS_IN_URL, "credentials both in the address of " + name
                    + " and in options", name);
        }
        return found;
    }

    AuthMethod method() {
        return auth != null ? auth
                : username != null || passwordFile != null ? AuthMethod.BASIC
                : tokenFile != null ? AuthMethod.BEARER : AuthMethod.NONE;
    }

    Optional<Credentials> credentials(CliSession session, AuthMethod method) {
        return switch (method) {
            case NONE -> Optional.empty();
            case BASIC -> {
                if (username == null) {
                    throw CliException.usage("cli.repo.usernameMissing", "cli.repo.usernameMissing.hint");
                }
                String password = passwordFile != null ? SecretFiles.read(passwordFile)
                        : SecretFiles.prompt(session, session.messages().get("cli.repo.prompt.password", username));
                yield Optional.of(Credentials.basic(username, password));
            }
            case BEARER -> Optional.of(Credentials.bearer(tokenFile != null ? SecretFiles.read(tokenFile)
                    : SecretFiles.prompt(session, session.messages().get("cli.repo.prompt.token"))));
        };
    }
}
