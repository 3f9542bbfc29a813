package org.iepmp.app.gui;

import javafx.stage.Stage;
import org.iepmp.i18n.api.Language;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** {@link UpdateWizardScenario} in English. */
@ExtendWith(ApplicationExtension.class)
class UpdateWizardUiTest extends UpdateWizardScenario {

    @Start
    void begin(Stage stage) {
        start(stage);
    }

    @Override
    Language language() {
        return Language.ENGLISH;
    }
}
