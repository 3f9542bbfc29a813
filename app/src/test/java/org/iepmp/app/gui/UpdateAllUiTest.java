package org.iepmp.app.gui;

import javafx.stage.Stage;
import org.iepmp.i18n.api.Language;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** {@link UpdateAllScenario} in English. */
@ExtendWith(ApplicationExtension.class)
class UpdateAllUiTest extends UpdateAllScenario {

    @Start
    void begin(Stage stage) {
        start(stage);
    }

    @Override
    Language language() {
        return Language.ENGLISH;
    }
}
