package org.iepmp.catalog.api;

/** A link about the package (documentation, ArtifactHub page, website). */
public record Reference(String label, String url) {
}
