package org.iepmp.practice.catalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a gzip-compressed ustar archive of regular files, with fixed owner and modification time so the same
 * content always gives the same bytes (and so the same sha256 digest in the Helm index).
 */
final class TarGz {

    private static final int BLOCK = 512;
    private static final long FIXED_MTIME = 1_767_225_600L; // 2026-01-01T00:00:00Z

    private TarGz() {
    }

    static byte[] archive(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                gzip.write(header(file.getKey(), file.getValue().length));
                gzip.write(file.getValue());
                int padding = (BLOCK - file.getValue().length % BLOCK) % BLOCK;
                gzip.write(new byte[padding]);
            }
            gzip.write(new byte[BLOCK * 2]);
        }
        return bytes.toByteArray();
    }

    private static byte[] header(String name, long size) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        if (nameBytes.length > 99) {
            throw new IllegalArgumentException("tar entry name too long: " + name);
        }
        byte[] h = new byte[BLOCK];
        System.arraycopy(nameBytes, 0, h, 0, nameBytes.length);
        octal(h, 100, 8, 0644);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, FIXED_MTIME);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        h[156] = '0';
        byte[] magic = "ustar\u000000".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, h, 257, magic.length);
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        String checksum = String.format("%06o", sum);
        System.arraycopy(checksum.getBytes(StandardCharsets.US_ASCII), 0, h, 148, 6);
        h[154] = 0;
        h[155] = ' ';
        return h;
    }

    private static void octal(byte[] h, int offset, int length, long value) {
        String text = String.format("%0" + (length - 1) + "o", value);
        byte[] digits = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(digits, 0, h, offset, digits.length);
        h[offset + length - 1] = 0;
    }
}
