package org.iepmp.practice.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.iepmp.practice.catalog.PracticeCatalogFiles;

/**
 * The practice catalog shipped with the app: a Helm chart repository and a Glasskube-format repository referencing it,
 * written to a folder so the console reads them like any customer's folder repository. {@code line-monitor} v1.2.0 is
 * broken on purpose (see {@link #failureScripts()}) so technicians can practise a rollback.
 */
public interface PracticeCatalog {

    /** The image of the deliberately broken line-monitor version. */
    String BROKEN_IMAGE = "registry.iepmp.example/practice/line-monitor:1.2.0";

    /** Where {@link #writeTo} put the two repositories. */
    record Layout(Path helmRepository, Path glasskubeRepository) {
    }

    /**
     * Writes {@code helm/} and {@code glasskube/} under {@code directory}, replacing what was there; readers never see
     * a half-written catalog.
     */
    Layout writeTo(Path directory) throws IOException;

    /** The catalog as the app ships it. */
    static PracticeCatalog create() {
        return new PracticeCatalogFiles();
    }

    /** The failures that make v1.2.0 of line-monitor crash-loop on the practice cluster. */
    static List<FailureScript> failureScripts() {
        return List.of(FailureScript.forImage(BROKEN_IMAGE, FailureMode.CRASH_LOOP,
                "line-monitor 1.2.0 starting",
                "connected to mqtt://mqtt-broker.mqtt-broker.svc:1883",
                "FATAL: migration 12 failed: column \"line_speed\" does not exist"));
    }
}
