package org.iepmp.kube.api;

import java.time.Duration;
import java.util.List;

/**
 * Executes Go {@code text/template}s with the real Go template engine (the one inside Helm), so a
 * package's value templates behave exactly as Go runs them: {@code if/else/with/range}, pipelines,
 * {@code printf}, Go's truth and comparison rules. The function map is Helm's (Go's built-ins plus
 * Sprig and Helm's own); callers that need a narrower map check the templates first.
 */
public interface GoTemplates {

    /**
     * The output of each call, in order, from one render for all of them. A template that does not
     * parse or fails while executing throws {@link KubeException} with
     * {@link KubeErrorCode#TEMPLATE_FAILED}: params {0} = index of the failing call (or -1 when Helm's
     * message names none), {1} = Go's message.
     */
    List<String> executeTemplates(List<GoTemplateCall> calls, Duration timeout);
}
