package org.iepmp.app.gui.markdown;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.iepmp.app.task.BackgroundTask;
import org.iepmp.app.task.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a clicked link to the desktop's browser with {@code xdg-open} (no shell, the URL one
 * argument), in the background and bounded in time. Refuses anything {@link SafeMarkdown#openable} refuses.
 */
public final class XdgLinkOpener implements LinkOpener {

    private static final Logger LOG = LoggerFactory.getLogger(XdgLinkOpener.class);

    private final TaskExecutor executor;
    private final String command;

    public XdgLinkOpener(TaskExecutor executor) {
        this(executor, "xdg-open");
    }

    /** {@code command} receives the URL as its only argument (tests pass a script that records it). */
    public XdgLinkOpener(TaskExecutor executor, String command) {
        this.executor = executor;
        this.command = command;
    }

    @Override
    public void open(String url) {
        String safe = SafeMarkdown.openable(url);
        if (safe == null) {
            LOG.warn("Refused to open a link with a scheme other than http, https or mailto");
            return;
        }
        executor.execute(BackgroundTask.of(context -> {
            Process process = new ProcessBuilder(command, safe).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                // xdg-open may hand over to a browser that keeps running; leave it be.
                LOG.debug("{} still running after 15 s", command);
            }
            return null;
        }).onFailure(error -> LOG.warn("Could not open the link with xdg-open: {}",
                error instanceof IOException ? error.getMessage() : error.toString())));
    }
}
