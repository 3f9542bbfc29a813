package org.iepmp.app.gui.shell;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** Which section the main window shows. */
public final class ShellViewModel {

    private final ObjectProperty<Section> section;

    public ShellViewModel(Section initial) {
        this.section = new SimpleObjectProperty<>(initial);
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public void show(Section target) {
        section.set(target);
    }
}
