package org.iepmp.catalog.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One configured package repository. Holds no secret: credentials are stored apart (see
 * {@link RepositoryStore#credentials(String)}).
 *
 * @param name unique, also names the cache folder ({@code [A-Za-z0-9._-]}, 1..64 characters)
 * @param location an {@code http(s)://} URL, a directory path, or a Git URL, by {@code transport}
 * @param type the layout of the repository
 * @param transport how it is reached
 * @param origin who publishes it
 * @param auth how to authenticate
 * @param caCertificate path of a PEM file of CA certificates trusted for this repository in
 *     addition to the system ones, or {@code null}
 * @param gitRef branch or tag for Git repositories, or {@code null} for the default branch
 * @param enabled whether refresh and search use it
 */
public record RepositoryDefinition(
        String name,
        String location,
        RepositoryType type,
        Transport transport,
        Origin origin,
        AuthMethod auth,
        String caCertificate,
        String gitRef,
        boolean enabled) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public RepositoryDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(transport, "transport");
        origin = origin == null ? Origin.OPEN_SOURCE : origin;
        auth = auth == null ? AuthMethod.NONE : auth;
        if (!NAME.matcher(name).matches() || name.startsWith(".")) {
            throw new CatalogException(CatalogErrorCode.REPOSITORY_INVALID, "invalid repository name " + name, name);
        }
        if (location.isBlank()) {
            throw new CatalogException(CatalogErrorCode.REPOSITORY_INVALID, "empty location of " + name, name);
        }
    }

    /** A public HTTP(S) repository without authentication. */
    public static RepositoryDefinition http(String name, String url, RepositoryType type, Origin origin) {
        return new RepositoryDefinition(name, url, type, Transport.HTTP, origin, AuthMethod.NONE, null, null, true);
    }

    /** A repository in a local or mounted directory. */
    public static RepositoryDefinition directory(String name, String path, RepositoryType type, Origin origin) {
        return new RepositoryDefinition(name, path, type, Transport.DIR, origin, AuthMethod.NONE, null, null, true);
    }

    public RepositoryDefinition withAuth(AuthMethod newAuth) {
        return new RepositoryDefinition(name, location, type, transport, origin, newAuth, caCertificate, gitRef, enabled);
    }

    public RepositoryDefinition withCaCertificate(String pemPath) {
        return new RepositoryDefinition(name, location, type, transport, origin, auth, pemPath, gitRef, enabled);
    }

    public RepositoryDefinition withEnabled(boolean newEnabled) {
        return new RepositoryDefinition(name, location, type, transport, origin, auth, caCertificate, gitRef, newEnabled);
    }
}
