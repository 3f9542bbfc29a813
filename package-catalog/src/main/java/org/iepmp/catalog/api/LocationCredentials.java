package org.iepmp.catalog.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A user name and password written into an http(s) repository address ({@code https://user:pw@host/}). They are
 * taken out into the credential store, never kept in the repository list nor shown; the address is kept without them.
 *
 * @param location the address without the user part
 * @param credentials what the user part held
 */
public record LocationCredentials(String location, Credentials credentials) {

    /** The credentials inside an http(s) {@code location}, when it has any. */
    public static Optional<LocationCredentials> find(String location) {
        String trimmed = location.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(trimmed);
            String userInfo = uri.getRawUserInfo();
            if (userInfo == null || userInfo.isEmpty()) {
                return Optional.empty();
            }
            int colon = userInfo.indexOf(':');
            String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
            String without = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
                    uri.getFragment()).toString();
            return Optional.of(new LocationCredentials(without, Credentials.basic(user, password)));
        } catch (URISyntaxException | IllegalArgumentException e) {
            // An address that does not parse is refused later, where it is used, naming it.
            return Optional.empty();
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "LocationCredentials[location=" + location + ", credentials=" + credentials + "]";
    }
}
