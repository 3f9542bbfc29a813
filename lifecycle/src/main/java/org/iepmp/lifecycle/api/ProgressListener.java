package org.iepmp.lifecycle.api;

/** Receives the engine's progress events, on the engine's thread. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = event -> { };

    void onEvent(ProgressEvent event);
}
