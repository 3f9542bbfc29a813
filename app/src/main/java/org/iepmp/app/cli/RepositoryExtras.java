package org.iepmp.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The vendor CA and the Git ref of a repository, as {@code repo add} and {@code repo edit} take them. */
final class RepositoryExtras {

    @Option(names = "--ca-cert", paramLabel = "PEM", descriptionKey = "cli.repo.option.caCert")
    Path caCertificate;
    @Option(names = "--git-ref", paramLabel = "REF", descriptionKey = "cli.repo.option.gitRef")
    String gitRef;

    /** The CA file given, as an absolute path, else {@code otherwise}. */
    String caCertificate(String otherwise) {
        return caCertificate == null ? otherwise : caCertificate.toAbsolutePath().toString();
    }

    String gitRef(String otherwise) {
        return gitRef == null ? otherwise : gitRef;
    }
}
