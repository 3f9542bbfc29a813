package org.iepmp.app.dialog;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.iepmp.errors.CodedException;
import org.iepmp.errors.ErrorCode;
import org.iepmp.i18n.api.Messages;
import org.iepmp.kube.api.KubeErrorCode;

/**
 * Turns failures into localized {@link UserMessage}s, for the window and the command line alike: a
 * typed failure ({@link CodedException}) by its code's words, anything else by its kind. Raw
 * exception text only ever appears in the collapsed details, never as the main sentence.
 */
public final class ErrorPresenter {

    /** The heading of a typed failure, by the part of the product that reported it. */
    private static final Map<String, String> TITLES = Map.of(
            "kube", "app.error.title.cluster",
            "catalog", "app.error.title.catalog",
            "lifecycle", "app.error.title.operation",
            "support", "app.error.title.support");

    /** Codes whose domain reports them but whose cause is the package itself: a chart or manifest that is broken. */
    private static final Map<ErrorCode, String> TITLES_BY_CODE = Map.of(
            KubeErrorCode.INVALID_CHART, "app.error.title.package",
            KubeErrorCode.INVALID_MANIFEST, "app.error.title.package");

    public UserMessage present(Throwable error, Messages messages) {
        Throwable cause = unwrap(error);
        String details = stackTrace(cause);
        if (cause instanceof CodedException coded) {
            ErrorCode code = coded.code();
            Object[] params = coded.params().toArray();
            String title = TITLES_BY_CODE.getOrDefault(code,
                    TITLES.getOrDefault(code.domain(), "app.error.title.unexpected"));
            return new UserMessage(messages.get(title),
                    messages.get(code.messageKey(), params), messages.get(code.hintKey(), params), details);
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

    /** A stable name of what went wrong, for scripts: {@code kube.UNREACHABLE}, or the kind of an untyped failure. */
    public String codeOf(Throwable error) {
        Throwable cause = unwrap(error);
        return CodedException.codeOf(cause).map(ErrorCode::qualifiedName).orElse(cause.getClass().getSimpleName());
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
