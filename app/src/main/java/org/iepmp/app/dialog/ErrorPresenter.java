package org.iepmp.app.dialog;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.iepmp.i18n.api.Messages;
import org.iepmp.app.support.SupportException;
import org.iepmp.kube.api.KubeException;

/**
 * Turns typed exceptions into localized {@link UserMessage}s. Raw exception text only ever
 * appears in the collapsed details, never as the main sentence.
 */
public final class ErrorPresenter {

    public UserMessage present(Throwable error, Messages messages) {
        Throwable cause = unwrap(error);
        String details = stackTrace(cause);
        if (cause instanceof KubeException kube) {
            Object[] params = kube.params().toArray();
            return new UserMessage(messages.get("app.error.title.cluster"),
                    messages.get(kube.code().messageKey(), params),
                    messages.get(kube.code().hintKey(), params), details);
        }
        if (cause instanceof SupportException support) {
            Object[] params = support.params().toArray();
            return new UserMessage(messages.get("app.error.title.support"),
                    messages.get(support.code().messageKey(), params),
                    messages.get(support.code().hintKey(), params), details);
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
