package org.iepmp.kube.api;

/**
 * Whether this installation carries a native Helm library for this platform and it answers. An
 * installation must bring its own: without one the Helm SDK would download a library at first use.
 */
public interface NativeHelmCheck {

    /** Helm's version as the native library reports it; throws {@link IllegalStateException} when no library is bundled. */
    String helmVersion();
}
