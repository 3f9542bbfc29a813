package org.iepmp.catalog.api;

/** How the bytes of a repository are reached. */
public enum Transport {
    /** HTTP or HTTPS. */
    HTTP,
    /** A local or mounted directory (file share, USB stick). */
    DIR,
    /** A Git repository, cloned into the cache. */
    GIT
}
