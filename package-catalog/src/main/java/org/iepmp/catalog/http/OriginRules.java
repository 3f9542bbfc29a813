package org.iepmp.catalog.http;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.support.Lazy;

/**
 * Where a network repository may lead: a repository is untrusted content, so every reference it
 * makes (chart, manifest, redirect) is checked before it is followed. Only {@code http}/{@code https};
 * never from a repository elsewhere to this machine (loopback, link-local, wildcard or one of its own
 * interface addresses), which would let a remote publisher probe the technician's own services; and
 * never from {@code https} down to {@code http}. A repository that is itself on this machine may name
 * this machine (a local mirror, a test server).
 */
public final class OriginRules {

    private final URI origin;
    private final Lazy<Boolean> originIsThisMachine;
    private final Lazy<Set<InetAddress>> ownAddresses = new Lazy<>(OriginRules::interfaceAddresses);

    /** @param origin the repository's own location ({@code http(s)://...}) */
    public OriginRules(URI origin) {
        this.origin = origin;
        // Resolved on first use: building a source must not wait for a name server.
        this.originIsThisMachine = new Lazy<>(() -> origin.getHost() != null && pointsHere(origin.getHost()));
    }

    /**
     * Refuses {@code target} unless a network repository may lead there.
     *
     * @param entry what made the reference (package and version, or the file), for the message
     * @param field the field of the entry that holds it
     */
    public URI check(URI target, String entry, String field) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused(target, entry, field, "scheme " + scheme + " is not http(s)");
        }
        if (target.getHost() == null || target.getHost().isBlank()) {
            throw refused(target, entry, field, "no host");
        }
        if (!originIsThisMachine.get() && pointsHere(target.getHost())) {
            throw refused(target, entry, field, "a remote repository leads to this machine");
        }
        return target;
    }

    /** A redirect hop: the same rules, and never from {@code https} down to {@code http}. */
    public URI checkRedirect(URI from, URI to) {
        if ("https".equalsIgnoreCase(from.getScheme()) && "http".equalsIgnoreCase(to.getScheme())) {
            throw refused(to, RepositoryHttp.safe(from), "Location", "redirect from https down to http");
        }
        return check(to, RepositoryHttp.safe(from), "Location");
    }

    /** The repository's own location, as the rules see it. */
    public URI origin() {
        return origin;
    }

    /**
     * Whether {@code host} names this machine. A name is resolved as the HTTP client would; a name that
     * does not resolve is left to the request, which then fails as unreachable.
     */
    private boolean pointsHere(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost") || bare.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
            return true;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(bare)) {
                if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
                        || ownAddresses.get().contains(address)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Set<InetAddress> interfaceAddresses() {
        Set<InetAddress> addresses = new HashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                addresses.addAll(Collections.list(nic.getInetAddresses()));
            }
        } catch (SocketException | RuntimeException e) {
            // Without the list, loopback and link-local are still refused; own LAN addresses are not known.
            return addresses;
        }
        return addresses;
    }

    private static CatalogException refused(URI target, String entry, String field, String why) {
        String shown = target.getScheme() != null && target.getHost() != null ? RepositoryHttp.safe(target)
                : String.valueOf(target);
        return new CatalogException(CatalogErrorCode.ORIGIN_REFUSED,
                entry + " field " + field + " leads to " + shown + ": " + why, entry, field, shown);
    }
}
