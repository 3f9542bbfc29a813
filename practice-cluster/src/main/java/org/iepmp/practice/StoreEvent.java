package org.iepmp.practice;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One change in the store, as watches see it.
 *
 * @param type ADDED, MODIFIED or DELETED
 * @param resource the type of the changed object
 * @param object the object after the change (for DELETED: its last state)
 * @param previous the object before the change, null for ADDED
 * @param resourceVersion the store revision of the change
 */
record StoreEvent(String type, ResourceType resource, ObjectNode object, ObjectNode previous, long resourceVersion) {
}
