package org.iepmp.catalog.api;

/**
 * The secret part of a repository's authentication. {@link #toString()} never shows a secret,
 * so a credentials object that lands in a log line leaks nothing.
 *
 * @param username for basic auth, else {@code null}
 * @param password for basic auth, else {@code null}
 * @param token for bearer auth, else {@code null}
 */
public record Credentials(String username, String password, String token) {

    public static Credentials basic(String username, String password) {
        return new Credentials(username, password, null);
    }

    public static Credentials bearer(String token) {
        return new Credentials(null, null, token);
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=" + (password == null ? "none" : "***")
                + ", token=" + (token == null ? "none" : "***") + "]";
    }
}
