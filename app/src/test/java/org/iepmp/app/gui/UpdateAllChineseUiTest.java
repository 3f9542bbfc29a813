package org.iepmp.app.gui;

import javafx.stage.Stage;
import org.iepmp.i18n.api.Language;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** {@link UpdateAllScenario} in Traditional Chinese. */
@ExtendWith(ApplicationExtension.class)
class UpdateAllChineseUiTest extends UpdateAllScenario {

    @Start
    void begin(Stage stage) {
        start(stage);
    }

    @Override
    Language language() {
        return Language.TRADITIONAL_CHINESE;
    }
}
