package org.iepmp.practice;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A failed API call, answered with a {@code Status} object shaped exactly as the real API server shapes it. */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final String reason;
    private final transient ObjectNode details;

    ApiError(int code, String reason, String message, ObjectNode details) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.details = details;
    }

    int code() {
        return code;
    }

    String reason() {
        return reason;
    }

    ObjectNode toStatus() {
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure");
        status.put("message", getMessage());
        status.put("reason", reason);
        if (details != null) {
            status.set("details", details);
        }
        status.put("code", code);
        return status;
    }

    /** "deployments.apps" for grouped resources, "secrets" for the core group, as in real messages. */
    private static String qualified(ResourceType type) {
        return type.group().isEmpty() ? type.plural() : type.plural() + "." + type.group();
    }

    private static ObjectNode details(ResourceType type, String name) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        if (name != null) {
            d.put("name", name);
        }
        if (!type.group().isEmpty()) {
            d.put("group", type.group());
        }
        d.put("kind", type.plural());
        return d;
    }

    static ApiError notFound(ResourceType type, String name) {
        return new ApiError(404, "NotFound", qualified(type) + " \"" + name + "\" not found", details(type, name));
    }

    static ApiError alreadyExists(ResourceType type, String name) {
        return new ApiError(409, "AlreadyExists", qualified(type) + " \"" + name + "\" already exists",
                details(type, name));
    }

    static ApiError conflict(ResourceType type, String name) {
        return new ApiError(409, "Conflict", "Operation cannot be fulfilled on " + qualified(type) + " \"" + name
                + "\": the object has been modified; please apply your changes to the latest version and try again",
                details(type, name));
    }

    static ApiError invalid(ResourceType type, String name, String why) {
        return new ApiError(422, "Invalid", type.kind() + " \"" + name + "\" is invalid: " + why,
                details(type, name));
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, "BadRequest", message, null);
    }

    static ApiError pathNotFound() {
        return new ApiError(404, "NotFound", "the server could not find the requested resource",
                JsonNodeFactory.instance.objectNode());
    }

    static ApiError methodNotAllowed(String method) {
        return new ApiError(405, "MethodNotAllowed", "the server does not allow this method on the requested resource",
                JsonNodeFactory.instance.objectNode());
    }

    static ApiError unsupportedMediaType(String contentType) {
        return new ApiError(415, "UnsupportedMediaType", "the body of the request was in an unknown format - "
                + "accepted media types include: application/json-patch+json, application/merge-patch+json, "
                + "application/apply-patch+yaml, application/strategic-merge-patch+json; got " + contentType, null);
    }

    static ApiError namespaceNotFound(String namespace) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("name", namespace);
        d.put("kind", "namespaces");
        return new ApiError(404, "NotFound", "namespaces \"" + namespace + "\" not found", d);
    }

    static ApiError namespaceTerminating(ResourceType type, String name, String namespace) {
        return new ApiError(403, "Forbidden", qualified(type) + " \"" + name + "\" is forbidden: unable to create new "
                + "content in namespace " + namespace + " because it is being terminated", details(type, name));
    }
}
