package org.iepmp.support.api;

/**
 * A configured repository as a support bundle lists it: where it is and how it signs in, never the
 * credentials themselves. Kinds are given as their names (e.g. {@code GLASSKUBE}, {@code HTTP}, {@code BASIC}).
 *
 * @param caCertificate the CA file it trusts, or null
 */
public record BundleRepository(String name, String type, String transport, String location, String origin,
                               String signIn, String caCertificate, boolean enabled) {
}
