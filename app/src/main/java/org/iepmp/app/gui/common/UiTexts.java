package org.iepmp.app.gui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.iepmp.i18n.api.I18n;
import org.iepmp.i18n.api.Language;
import org.iepmp.i18n.api.Messages;

/**
 * The active language as an observable, and bindings that re-translate themselves when it
 * changes, so switching language at runtime needs no rebuilding of views. Arguments may be
 * observable values; the text follows them too.
 */
public final class UiTexts {

    private final I18n i18n;
    private final SimpleObjectProperty<Messages> messages;

    public UiTexts(I18n i18n, Language initial) {
        this.i18n = i18n;
        this.messages = new SimpleObjectProperty<>(i18n.messages(initial));
    }

    public ReadOnlyObjectProperty<Messages> messagesProperty() {
        return messages;
    }

    public Messages messages() {
        return messages.get();
    }

    public Language language() {
        return messages.get().language();
    }

    /** Must be called on the FX thread: every bound label updates at once. */
    public void setLanguage(Language language) {
        messages.set(i18n.messages(Objects.requireNonNull(language)));
    }

    public String get(String key, Object... args) {
        return messages.get().get(key, args);
    }

    public StringBinding bind(String key, Object... args) {
        List<Observable> dependencies = new ArrayList<>();
        dependencies.add(messages);
        for (Object arg : args) {
            if (arg instanceof Observable observable) {
                dependencies.add(observable);
            }
        }
        return Bindings.createStringBinding(() -> messages.get().get(key, resolve(args)),
                dependencies.toArray(Observable[]::new));
    }

    private static Object[] resolve(Object[] args) {
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = args[i] instanceof ObservableValue<?> value ? value.getValue() : args[i];
        }
        return values;
    }
}
