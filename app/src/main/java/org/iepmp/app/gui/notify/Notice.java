package org.iepmp.app.gui.notify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One in-window notification, as bundle keys and their arguments (the area renders them in the
 * active language), with an optional action such as "Show updates".
 *
 * @param kind colour and weight of the notice
 * @param titleKey a complete bundle key
 * @param textKey a complete bundle key, or {@code null} for a title-only notice
 */
public record Notice(Kind kind, String titleKey, List<Object> titleArgs, String textKey, List<Object> textArgs,
                     Optional<Action> action) {

    public enum Kind {
        INFO,
        SUCCESS,
        WARNING,
        FAILURE
    }

    /** A button on the notice; running it also dismisses the notice. */
    public record Action(String labelKey, Runnable run) {
        public Action {
            Objects.requireNonNull(labelKey, "labelKey");
            Objects.requireNonNull(run, "run");
        }
    }

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(titleKey, "titleKey");
        titleArgs = List.copyOf(titleArgs);
        textArgs = List.copyOf(textArgs);
        action = action == null ? Optional.empty() : action;
    }

    public static Notice of(Kind kind, String titleKey, String textKey, Object... textArgs) {
        return new Notice(kind, titleKey, List.of(), textKey, List.of(textArgs), Optional.empty());
    }

    public Notice withAction(String labelKey, Runnable run) {
        return new Notice(kind, titleKey, titleArgs, textKey, textArgs, Optional.of(new Action(labelKey, run)));
    }
}
