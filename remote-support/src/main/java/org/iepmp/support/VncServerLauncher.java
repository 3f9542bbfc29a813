package org.iepmp.support;

import java.io.IOException;
import java.nio.file.Path;
import org.iepmp.support.api.SupportSessionRequest;

/** Starts the screen-sharing server process; separated so tests can count starts and stops. */
public interface VncServerLauncher {

    /** Starts serving {@code request.display()} on exactly {@code request.bindAddress():request.port()}. */
    Process start(SupportSessionRequest request, Path passwordFile, Path logFile) throws IOException;
}
