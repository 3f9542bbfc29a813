package org.iepmp.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iepmp.support.api.SupportSessionRequest;

/** x11vnc from Debian: listens on one address only, reads the password from a file it then deletes. */
public final class X11VncLauncher implements VncServerLauncher {

    private final Path binary;

    public X11VncLauncher(Path binary) {
        this.binary = binary;
    }

    @Override
    public Process start(SupportSessionRequest request, Path passwordFile, Path logFile) throws IOException {
        List<String> command = new ArrayList<>(List.of(binary.toString(),
                "-display", request.display(),
                // Bind to the tailnet address only; -noipv6 keeps it from also listening on [::].
                "-listen", request.bindAddress(), "-noipv6",
                "-rfbport", String.valueOf(request.port()),
                // "rm:" makes x11vnc delete the file right after reading: the password never sits on disk.
                "-passwdfile", "rm:" + passwordFile,
                "-forever", "-shared", "-norc", "-nolookup", "-noxdamage",
                "-o", logFile.toString()));
        if (!request.allowControl()) {
            command.add("-viewonly");
        }
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
