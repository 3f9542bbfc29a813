package org.iepmp.app;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.spi.FileSystemProvider;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.iepmp.app.cli.CliOutput;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.i18n.api.I18n;
import org.iepmp.i18n.api.Language;
import org.iepmp.i18n.api.Messages;
import org.iepmp.kube.api.NativeHelmCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --self-check}: loads what a start needs without opening a window and exits 0 when
 * all of it works. Used by CI on the packaged launcher, so it also proves that the trimmed
 * runtime of the installer holds every JDK module the app needs and that the native Helm and
 * SQLite libraries of this platform are inside the installation.
 */
final class SelfCheck {

    private static final Logger LOG = LoggerFactory.getLogger(SelfCheck.class);

    /** Unpacking the native Helm library (about 95 MB) on a slow IPC disk takes seconds, not minutes. */
    private static final long CHECK_TIMEOUT_SECONDS = 120;

    private final AppPaths paths;
    private final I18n i18n;
    private final Messages messages;
    private final CliOutput output;
    private final NativeHelmCheck helm;

    SelfCheck(AppPaths paths, I18n i18n, Messages messages, CliOutput output, NativeHelmCheck helm) {
        this.paths = paths;
        this.i18n = i18n;
        this.messages = messages;
        this.output = output;
        this.helm = helm;
    }

    /** One check: returns a detail worth showing (a version), or an empty string; throws when it fails. */
    @FunctionalInterface
    private interface Check {
        String run() throws Exception;
    }

    int run() {
        ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "self-check");
            thread.setDaemon(true);
            return thread;
        });
        try {
            boolean ok = true;
            ok &= check(worker, "app.selfCheck.i18n", this::checkBundles);
            ok &= check(worker, "app.selfCheck.paths", this::checkPaths);
            ok &= check(worker, "app.selfCheck.javafx", SelfCheck::checkJavaFx);
            ok &= check(worker, "app.selfCheck.runtime", SelfCheck::checkRuntimeModules);
            ok &= check(worker, "app.selfCheck.helm", this::checkHelm);
            ok &= check(worker, "app.selfCheck.sqlite", SelfCheck::checkSqlite);
            output.println(messages.get(ok ? "app.selfCheck.passed" : "app.selfCheck.failed"));
            return ok ? 0 : 1;
        } finally {
            worker.shutdownNow();
        }
    }

    private String checkBundles() {
        for (Language language : Language.values()) {
            if (i18n.messages(language).get("shell.product").startsWith("!")) {
                throw new IllegalStateException("bundle incomplete for " + language);
            }
        }
        return "";
    }

    private String checkPaths() throws IOException {
        paths.createAll();
        return "";
    }

    private static String checkJavaFx() throws ClassNotFoundException {
        Class.forName("javafx.application.Platform");
        Class.forName("atlantafx.base.theme.PrimerLight");
        return "";
    }

    /**
     * The installer's runtime is cut down by jlink; these are the modules that are loaded by name
     * or through services, so only running them shows that they are there.
     */
    private static String checkRuntimeModules() throws Exception {
        // jdk.crypto.ec: TLS to a registry or repository with an EC certificate or ECDHE.
        KeyPairGenerator.getInstance("EC").generateKeyPair();
        SSLContext.getInstance("TLSv1.3").init(null, null, null);
        // java.net.http: the Kubernetes client's transport.
        Class.forName("java.net.http.HttpClient");
        // jdk.localedata: Chinese dates and numbers.
        String chineseDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(Locale.TRADITIONAL_CHINESE).format(LocalDate.of(2024, 1, 31));
        if (!chineseDate.contains("月")) {
            throw new IllegalStateException("no Chinese locale data (jdk.localedata): " + chineseDate);
        }
        // jdk.charsets: files from Chinese Windows shares.
        for (String charset : List.of("GBK", "Big5")) {
            if (!Charset.isSupported(charset)) {
                throw new IllegalStateException("charset " + charset + " missing (jdk.charsets)");
            }
        }
        // jdk.zipfs: reading archives as file systems.
        if (FileSystemProvider.installedProviders().stream().noneMatch(p -> "jar".equals(p.getScheme()))) {
            throw new IllegalStateException("zip file system missing (jdk.zipfs)");
        }
        return "";
    }

    private String checkHelm() {
        return helm.helmVersion();
    }

    private static String checkSqlite() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select sqlite_version()")) {
            if (!result.next()) {
                throw new SQLException("sqlite_version() returned no row");
            }
            return result.getString(1);
        }
    }

    private boolean check(ExecutorService worker, String key, Check check) {
        Future<String> running = worker.submit(check::run);
        try {
            String detail = running.get(CHECK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.info("Self-check {} passed {}", key, detail);
            output.println(detail.isEmpty()
                    ? messages.get("app.selfCheck.ok", messages.get(key))
                    : messages.get("app.selfCheck.okDetail", messages.get(key), detail));
            return true;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            LOG.error("Self-check {} failed", key, cause);
            output.error(messages.get("app.selfCheck.fail", messages.get(key), describe(cause)));
            return false;
        } catch (TimeoutException e) {
            running.cancel(true);
            LOG.error("Self-check {} did not finish within {} s", key, CHECK_TIMEOUT_SECONDS);
            output.error(messages.get("app.selfCheck.fail", messages.get(key),
                    messages.get("app.selfCheck.timeout", CHECK_TIMEOUT_SECONDS)));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            output.error(messages.get("app.selfCheck.fail", messages.get(key), describe(e)));
            return false;
        }
    }

    private static String describe(Throwable error) {
        return error.getMessage() != null ? error.getMessage() : error.getClass().getName();
    }
}
