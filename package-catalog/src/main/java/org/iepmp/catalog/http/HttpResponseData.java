package org.iepmp.catalog.http;

/**
 * A finished HTTP GET.
 *
 * @param notModified the server answered 304 to a conditional request; {@code body} is empty
 * @param body the body (empty when streamed to a sink or not modified)
 * @param etag the ETag header, or {@code null}
 * @param lastModified the Last-Modified header, or {@code null}
 */
public record HttpResponseData(boolean notModified, byte[] body, String etag, String lastModified) {
}
