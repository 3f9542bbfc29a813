package org.iepmp.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one class that touches the logging backend; everything else logs through SLF4J. Configured
 * in code, not XML: Logback's XML configurator loads some 500 classes and a SAX parser, which
 * cost a measurable part of the start-up time before the window appears.
 *
 * <p>As Logback's {@link Configurator} (found through {@code META-INF/services}) it sets the
 * start-up configuration: only warnings, on stderr. {@link #configure(Path)} then moves logging
 * to the rotating log file in the XDG state directory.
 */
public final class LoggingSetup extends ContextAwareBase implements Configurator {

    private static final String CONSOLE_PATTERN = "%-5level %logger{36} - %msg%n";
    private static final String FILE_PATTERN = "%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n";

    /** For Logback's service loader. */
    public LoggingSetup() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDERR");
        console.setTarget("System.err");
        console.setEncoder(encoder(context, CONSOLE_PATTERN));
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Never logs credentials, tokens or kubeconfig contents: that is the callers' duty, see DESIGN.md. */
    static void configure(Path logDir) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            // Without a log directory the app still runs; logging stays on the start-up setup.
            return;
        }
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        String dir = logDir.toAbsolutePath().toString();
        context.reset();
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir + "/iepmp.log");
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(file);
        policy.setFileNamePattern(dir + "/iepmp.%d{yyyy-MM-dd}.%i.log.gz");
        policy.setMaxFileSize(FileSize.valueOf("10MB"));
        policy.setMaxHistory(14);
        policy.setTotalSizeCap(FileSize.valueOf("200MB"));
        policy.start();
        file.setRollingPolicy(policy);
        file.setEncoder(encoder(context, FILE_PATTERN));
        file.start();
        if (!file.isStarted()) {
            // An unwritable log file must not silence the app: back to warnings on stderr.
            LoggingSetup startup = new LoggingSetup();
            startup.setContext(context);
            startup.configure(context);
            LoggerFactory.getLogger(LoggingSetup.class).warn("Cannot write the log file in {}", dir);
            return;
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
        context.getLogger("io.fabric8").setLevel(Level.WARN);
        context.getLogger("org.iepmp").setLevel(Level.INFO);
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
