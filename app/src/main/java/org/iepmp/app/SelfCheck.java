package org.iepmp.app;

import java.io.IOException;
import org.iepmp.app.cli.CliOutput;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.i18n.api.I18n;
import org.iepmp.i18n.api.Language;
import org.iepmp.i18n.api.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --self-check}: loads what a start needs without opening a window and exits 0 when
 * all of it works. Used by CI on the packaged launcher.
 */
final class SelfCheck {

    private static final Logger LOG = LoggerFactory.getLogger(SelfCheck.class);

    private final AppPaths paths;
    private final I18n i18n;
    private final Messages messages;
    private final CliOutput output;

    SelfCheck(AppPaths paths, I18n i18n, Messages messages, CliOutput output) {
        this.paths = paths;
        this.i18n = i18n;
        this.messages = messages;
        this.output = output;
    }

    int run() {
        boolean ok = true;
        ok &= check("app.selfCheck.i18n", () -> {
            for (Language language : Language.values()) {
                if (i18n.messages(language).get("shell.product").startsWith("!")) {
                    throw new IllegalStateException("bundle incomplete for " + language);
                }
            }
        });
        ok &= check("app.selfCheck.paths", () -> {
            try {
                paths.createAll();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        ok &= check("app.selfCheck.javafx", () -> {
            try {
                Class.forName("javafx.application.Platform");
                Class.forName("atlantafx.base.theme.PrimerLight");
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        });
        output.println(messages.get(ok ? "app.selfCheck.passed" : "app.selfCheck.failed"));
        return ok ? 0 : 1;
    }

    private boolean check(String key, Runnable check) {
        try {
            check.run();
            output.println(messages.get("app.selfCheck.ok", messages.get(key)));
            return true;
        } catch (RuntimeException e) {
            LOG.error("Self-check {} failed", key, e);
            output.error(messages.get("app.selfCheck.fail", messages.get(key), String.valueOf(e.getMessage())));
            return false;
        }
    }
}
