package org.iepmp.app.gui;

import org.iepmp.i18n.api.Language;
import org.junit.jupiter.api.extension.ExtendWith;
import javafx.stage.Stage;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** {@link OperationsScenario} in Traditional Chinese. */
@ExtendWith(ApplicationExtension.class)
class OperationsChineseUiTest extends OperationsScenario {

    @Start
    void begin(Stage stage) {
        start(stage);
    }

    @Override
    Language language() {
        return Language.TRADITIONAL_CHINESE;
    }

    @Override
    String installTitle() {
        return "安裝 line-monitor v1.1.0+1";
    }

    @Override
    String doneTitle() {
        return "完成";
    }

    @Override
    String succeededOutcome() {
        return "成功";
    }
}
