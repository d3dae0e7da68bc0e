package dev.mmm.core.posterior;

import dev.mmm.core.data.Dataset;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a data set's content: the date column's name, every date, and every column's name
 * and the exact bits of its values, in order. Two data sets with the same fingerprint fit the same
 * model to the same numbers; a changed cell changes it.
 */
public final class DataFingerprint {

    private DataFingerprint() {
    }

    public static String of(Dataset data) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        text(sha, data.dateColumn());
        for (int t = 0; t < data.rows(); t++) {
            text(sha, data.date(t).toString());
        }
        ByteBuffer buffer = ByteBuffer.allocate(8);
        for (String name : data.columnNames()) {
            text(sha, name);
            for (double v : data.column(name)) {
                buffer.clear();
                buffer.putLong(Double.doubleToRawLongBits(v));
                sha.update(buffer.array());
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void text(MessageDigest sha, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }
}
