package org.iepmp.catalog.api;

/** How the catalog authenticates against a repository. Secrets live in {@link Credentials}. */
public enum AuthMethod {
    NONE,
    BASIC,
    BEARER
}
