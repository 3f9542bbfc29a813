package org.iepmp.app.dialog;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.i18n.api.Messages;
import org.iepmp.kube.api.KubeException;
import org.iepmp.lifecycle.api.LifecycleException;
import org.iepmp.support.api.SupportException;

/**
 * Turns typed exceptions into localized {@link UserMessage}s. Raw exception text only ever
 * appears in the collapsed details, never as the main sentence.
 */
public final class ErrorPresenter {

    /** The localizable parts every module's typed exception carries. */
    private record Typed(String titleKey, String messageKey, String hintKey, List<Object> params) {
    }

    public UserMessage present(Throwable error, Messages messages) {
        Throwable cause = unwrap(error);
        String details = stackTrace(cause);
        Typed typed = typed(cause);
        if (typed != null) {
            Object[] params = typed.params().toArray();
            return new UserMessage(messages.get(typed.titleKey()), messages.get(typed.messageKey(), params),
                    messages.get(typed.hintKey(), params), details);
        }
        if (cause instanceof UncheckedIOException || cause instanceof java.io.IOException) {
            return new UserMessage(messages.get("app.error.title.disk"),
                    messages.get("app.error.io", String.valueOf(cause.getMessage())),
                    messages.get("app.error.io.hint"), details);
        }
        if (cause instanceof OutOfMemoryError) {
            return new UserMessage(messages.get("app.error.title.unexpected"),
                    messages.get("app.error.outOfMemory"), messages.get("app.error.outOfMemory.hint"), details);
        }
        return new UserMessage(messages.get("app.error.title.unexpected"),
                messages.get("app.error.unexpected", cause.getClass().getSimpleName()),
                messages.get("app.error.unexpected.hint"), details);
    }

    private static Typed typed(Throwable cause) {
        if (cause instanceof KubeException e) {
            return new Typed("app.error.title.cluster", e.code().messageKey(), e.code().hintKey(), e.params());
        }
        if (cause instanceof CatalogException e) {
            return new Typed("app.error.title.catalog", e.code().messageKey(), e.code().hintKey(), e.params());
        }
        if (cause instanceof LifecycleException e) {
            return new Typed("app.error.title.operation", e.code().messageKey(), e.code().hintKey(), e.params());
        }
        if (cause instanceof SupportException e) {
            return new Typed("app.error.title.support", e.code().messageKey(), e.code().hintKey(), e.params());
        }
        return null;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String stackTrace(Throwable error) {
        StringWriter writer = new StringWriter();
        error.printStackTrace(new PrintWriter(writer));
        return writer.toString();
    }
}
