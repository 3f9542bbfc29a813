package org.iepmp.app.gui.repositories;

import java.time.Clock;
import java.time.Duration;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.catalog.api.RepositoryStatus;

/** The one-line status of a repository: fresh, offline with the cache's age, or failed and why. */
final class RepositoryStatusText {

    private RepositoryStatusText() {
    }

    static String of(RepositoryRow row, UiTexts texts, Clock clock) {
        if (!row.definition().enabled()) {
            return texts.get("app.repositories.status.disabled");
        }
        if (row.status().isEmpty()) {
            return texts.get("app.repositories.status.notLoaded");
        }
        RepositoryStatus status = row.status().get();
        String age = status.fetchedAt()
                .map(at -> texts.messages().formats().age(Duration.between(at, clock.instant())))
                .orElse("");
        String why = status.error().map(e -> new ErrorPresenter().present(e, texts.messages()).what()).orElse("");
        return switch (status.state()) {
            case FRESH -> texts.get("app.repositories.status.fresh", status.packageCount(), age);
            case CACHED -> texts.get("app.repositories.status.cached", status.packageCount(), age, why);
            case FAILED -> texts.get("app.repositories.status.failed", why);
        };
    }

    static String verdict(RepositoriesViewModel.TestVerdict test, UiTexts texts) {
        RepositoryStatus status = test.status();
        if (test.passed()) {
            return texts.get("app.repositories.test.passed", status.packageCount());
        }
        return status.error()
                .map(e -> {
                    var message = new ErrorPresenter().present(e, texts.messages());
                    return texts.get("app.repositories.test.failed", message.what(), message.whatToDo());
                })
                .orElse(texts.get("app.repositories.test.failed", "", ""));
    }
}
