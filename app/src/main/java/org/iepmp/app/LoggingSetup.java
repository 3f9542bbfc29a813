package org.iepmp.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Points Logback at the rotating log file in the XDG state directory. The only class that
 * touches the logging backend; everything else logs through SLF4J.
 */
final class LoggingSetup {

    private LoggingSetup() {
    }

    static void configure(Path logDir) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            // Without a log directory the app still runs; logging stays on the default console setup.
            return;
        }
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        URL config = LoggingSetup.class.getResource("/org/iepmp/app/logback-file.xml");
        if (config == null) {
            return;
        }
        context.reset();
        context.putProperty("IEPMP_LOG_DIR", logDir.toAbsolutePath().toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            LoggerFactory.getLogger(LoggingSetup.class).warn("Cannot configure file logging", e);
        }
    }
}
