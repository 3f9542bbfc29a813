package org.iepmp.practice;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * Decodes the protobuf request bodies client-go sends for built-in types (Helm's release storage writes its Secrets
 * this way): the {@code k8s\0} envelope around a {@code runtime.Unknown}, then Secret, ConfigMap or DeleteOptions
 * with their ObjectMeta, field numbers as in k8s.io/api generated.proto. Responses are always JSON, which client-go
 * accepts. Other kinds are answered 415, as a server that cannot decode them would.
 */
final class ProtobufBodies {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final byte[] MAGIC = {'k', '8', 's', 0};

    private ProtobufBodies() {
    }

    static ObjectNode decode(byte[] raw, ResourceType type) {
        byte[] inner = unwrap(raw);
        return switch (type.kind()) {
            case "Secret" -> secret(inner);
            case "ConfigMap" -> configMap(inner);
            default -> throw ApiError.unsupportedMediaType("application/vnd.kubernetes.protobuf for " + type.kind());
        };
    }

    static ObjectNode deleteOptions(byte[] raw) {
        Reader r = new Reader(unwrap(raw));
        ObjectNode o = JSON.objectNode();
        ArrayNode dryRun = JSON.arrayNode();
        while (r.more()) {
            int tag = r.varint32();
            switch (tag >>> 3) {
                case 1 -> o.put("gracePeriodSeconds", r.varint());
                case 2 -> {
                    Reader p = new Reader(r.bytes());
                    ObjectNode pre = o.putObject("preconditions");
                    while (p.more()) {
                        int t = p.varint32();
                        if ((t >>> 3) == 1) {
                            pre.put("uid", p.string());
                        } else if ((t >>> 3) == 2) {
                            pre.put("resourceVersion", p.string());
                        } else {
                            p.skip(t);
                        }
                    }
                }
                case 3 -> o.put("orphanDependents", r.varint() != 0);
                case 4 -> o.put("propagationPolicy", r.string());
                case 5 -> dryRun.add(r.string());
                default -> r.skip(tag);
            }
        }
        if (!dryRun.isEmpty()) {
            o.set("dryRun", dryRun);
        }
        return o;
    }

    private static byte[] unwrap(byte[] raw) {
        if (raw.length < 4 || !Arrays.equals(Arrays.copyOf(raw, 4), MAGIC)) {
            throw ApiError.badRequest("protobuf body without the k8s envelope");
        }
        Reader r = new Reader(Arrays.copyOfRange(raw, 4, raw.length));
        byte[] inner = new byte[0];
        while (r.more()) {
            int tag = r.varint32();
            if ((tag >>> 3) == 2) {
                inner = r.bytes();
            } else {
                r.skip(tag);
            }
        }
        return inner;
    }

    private static ObjectNode secret(byte[] bytes) {
        ObjectNode o = JSON.objectNode();
        o.put("apiVersion", "v1");
        o.put("kind", "Secret");
        Reader r = new Reader(bytes);
        while (r.more()) {
            int tag = r.varint32();
            switch (tag >>> 3) {
                case 1 -> o.set("metadata", objectMeta(r.bytes()));
                case 2 -> mapEntry(r.bytes(), o.withObjectProperty("data"), true);
                case 3 -> o.put("type", r.string());
                case 4 -> mapEntry(r.bytes(), o.withObjectProperty("stringData"), false);
                case 5 -> o.put("immutable", r.varint() != 0);
                default -> r.skip(tag);
            }
        }
        return o;
    }

    private static ObjectNode configMap(byte[] bytes) {
        ObjectNode o = JSON.objectNode();
        o.put("apiVersion", "v1");
        o.put("kind", "ConfigMap");
        Reader r = new Reader(bytes);
        while (r.more()) {
            int tag = r.varint32();
            switch (tag >>> 3) {
                case 1 -> o.set("metadata", objectMeta(r.bytes()));
                case 2 -> mapEntry(r.bytes(), o.withObjectProperty("data"), false);
                case 3 -> mapEntry(r.bytes(), o.withObjectProperty("binaryData"), true);
                case 4 -> o.put("immutable", r.varint() != 0);
                default -> r.skip(tag);
            }
        }
        return o;
    }

    private static ObjectNode objectMeta(byte[] bytes) {
        ObjectNode m = JSON.objectNode();
        Reader r = new Reader(bytes);
        while (r.more()) {
            int tag = r.varint32();
            switch (tag >>> 3) {
                case 1 -> m.put("name", r.string());
                case 2 -> m.put("generateName", r.string());
                case 3 -> m.put("namespace", r.string());
                case 4 -> r.string();
                case 5 -> m.put("uid", r.string());
                case 6 -> m.put("resourceVersion", r.string());
                case 7 -> m.put("generation", r.varint());
                case 8 -> {
                    String time = time(r.bytes());
                    if (time != null) {
                        m.put("creationTimestamp", time);
                    }
                }
                case 9 -> {
                    String time = time(r.bytes());
                    if (time != null) {
                        m.put("deletionTimestamp", time);
                    }
                }
                case 10 -> m.put("deletionGracePeriodSeconds", r.varint());
                case 11 -> mapEntry(r.bytes(), m.withObjectProperty("labels"), false);
                case 12 -> mapEntry(r.bytes(), m.withObjectProperty("annotations"), false);
                case 13 -> m.withArray("ownerReferences").add(ownerReference(r.bytes()));
                case 14 -> m.withArray("finalizers").add(r.string());
                default -> r.skip(tag);
            }
        }
        // Empty strings are protobuf's "unset"; JSON clients omit them.
        for (String field : new String[] {"name", "generateName", "namespace", "uid", "resourceVersion"}) {
            if (m.path(field).asText("x").isEmpty()) {
                m.remove(field);
            }
        }
        return m;
    }

    private static ObjectNode ownerReference(byte[] bytes) {
        ObjectNode ref = JSON.objectNode();
        Reader r = new Reader(bytes);
        while (r.more()) {
            int tag = r.varint32();
            switch (tag >>> 3) {
                case 1 -> ref.put("kind", r.string());
                case 3 -> ref.put("name", r.string());
                case 4 -> ref.put("uid", r.string());
                case 5 -> ref.put("apiVersion", r.string());
                case 6 -> ref.put("controller", r.varint() != 0);
                case 7 -> ref.put("blockOwnerDeletion", r.varint() != 0);
                default -> r.skip(tag);
            }
        }
        return ref;
    }

    private static String time(byte[] bytes) {
        Reader r = new Reader(bytes);
        long seconds = 0;
        while (r.more()) {
            int tag = r.varint32();
            if ((tag >>> 3) == 1) {
                seconds = r.varint();
            } else {
                r.skip(tag);
            }
        }
        return seconds == 0 ? null : Instant.ofEpochSecond(seconds).toString();
    }

    private static void mapEntry(byte[] bytes, ObjectNode target, boolean binaryValue) {
        Reader r = new Reader(bytes);
        String key = "";
        byte[] value = new byte[0];
        while (r.more()) {
            int tag = r.varint32();
            if ((tag >>> 3) == 1) {
                key = r.string();
            } else if ((tag >>> 3) == 2) {
                value = r.bytes();
            } else {
                r.skip(tag);
            }
        }
        target.put(key, binaryValue ? Base64.getEncoder().encodeToString(value)
                : new String(value, StandardCharsets.UTF_8));
    }

    /** Protobuf wire-format reader: varints and length-delimited fields, enough for the messages above. */
    private static final class Reader {
        private final byte[] buf;
        private int pos;

        Reader(byte[] buf) {
            this.buf = buf;
        }

        boolean more() {
            return pos < buf.length;
        }

        long varint() {
            long result = 0;
            int shift = 0;
            while (true) {
                if (pos >= buf.length || shift > 63) {
                    throw ApiError.badRequest("truncated protobuf body");
                }
                byte b = buf[pos++];
                result |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
                shift += 7;
            }
        }

        int varint32() {
            return (int) varint();
        }

        byte[] bytes() {
            int length = varint32();
            if (length < 0 || pos + length > buf.length) {
                throw ApiError.badRequest("truncated protobuf body");
            }
            byte[] out = Arrays.copyOfRange(buf, pos, pos + length);
            pos += length;
            return out;
        }

        String string() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        void skip(int tag) {
            switch (tag & 7) {
                case 0 -> varint();
                case 1 -> pos += 8;
                case 2 -> bytes();
                case 5 -> pos += 4;
                default -> throw ApiError.badRequest("unsupported protobuf wire type " + (tag & 7));
            }
        }
    }
}
