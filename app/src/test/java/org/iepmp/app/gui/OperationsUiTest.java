package org.iepmp.app.gui;

import org.iepmp.i18n.api.Language;
import org.junit.jupiter.api.extension.ExtendWith;
import javafx.stage.Stage;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** {@link OperationsScenario} in English. */
@ExtendWith(ApplicationExtension.class)
class OperationsUiTest extends OperationsScenario {

    @Start
    void begin(Stage stage) {
        start(stage);
    }

    @Override
    Language language() {
        return Language.ENGLISH;
    }

    @Override
    String installTitle() {
        return "Install line-monitor v1.1.0+1";
    }

    @Override
    String doneTitle() {
        return "Done";
    }

    @Override
    String succeededOutcome() {
        return "Succeeded";
    }
}
