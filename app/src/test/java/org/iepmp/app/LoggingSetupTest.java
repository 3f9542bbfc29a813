package org.iepmp.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class LoggingSetupTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    @AfterEach
    void backToStartupLogging() {
        context.reset();
        LoggingSetup startup = new LoggingSetup();
        startup.setContext(context);
        startup.configure(context);
    }

    @Test
    void writesInfoOfTheAppToTheLogFileAndKeepsChattyLibrariesAtWarn(@TempDir Path dir) throws Exception {
        LoggingSetup.configure(dir.resolve("logs"));
        LoggerFactory.getLogger("org.iepmp.test").info("operation finished for line-monitor");
        LoggerFactory.getLogger("io.fabric8.kubernetes.client").info("fabric8 chatter");
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAndStopAllAppenders();

        String log = Files.readString(dir.resolve("logs/iepmp.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("INFO  [").contains("org.iepmp.test - operation finished for line-monitor")
                .doesNotContain("fabric8 chatter");
    }

    @Test
    void startupConfigurationLetsOnlyWarningsThrough() {
        assertThat(context.getLogger("org.iepmp.test").isInfoEnabled()).isFalse();
        assertThat(context.getLogger("org.iepmp.test").isWarnEnabled()).isTrue();
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNotNull();
    }

    @Test
    void aLogFileThatCannotBeOpenedKeepsWarningsOnStderr(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("logs/iepmp.log"));
        LoggingSetup.configure(dir.resolve("logs"));
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNotNull();
    }
}
