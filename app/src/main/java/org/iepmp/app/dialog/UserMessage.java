package org.iepmp.app.dialog;

/**
 * An error as a person reads it: what happened, what to do, and the technical detail for the
 * vendor (collapsed by default). All texts are already localized.
 */
public record UserMessage(String title, String what, String whatToDo, String details) {
}
