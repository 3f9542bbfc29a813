package org.iepmp.app;

/** The application's version as recorded in the jar manifest at build time. */
public final class Versions {

    private Versions() {
    }

    public static String application() {
        String version = Versions.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
