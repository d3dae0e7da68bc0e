package dev.mmm.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The values of the group columns that pick out one model's rows, each as text (see
 * {@link CellText}), in the order the group columns were given.
 *
 * <p>The key's canonical text is the JSON array of those values ({@code ["north","3"]}, a null
 * value as JSON {@code null}); it depends only on the values, never on how Spark partitioned the
 * table, so the seed derived from it ({@link #seed(long)}) and the folder it names
 * ({@link #folder()}) are the same on every run and every retry.
 *
 * @param columns the group columns' names
 * @param values  one text per column, or null where the cell was empty
 */
public record GroupKey(List<String> columns, List<String> values) implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    public GroupKey {
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(values, "values");
        if (columns.size() != values.size()) {
            throw new IllegalArgumentException(columns.size() + " group columns but " + values.size() + " values");
        }
        columns = List.copyOf(columns);
        values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** The key of a canonical text made by {@link #canonicalText()}. */
    public static GroupKey parse(List<String> columns, String canonicalText) {
        try {
            String[] values = JSON.readValue(canonicalText, String[].class);
            return new GroupKey(columns, Arrays.asList(values));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a group key's canonical text: " + canonicalText, e);
        }
    }

    /** The JSON array of the values: what the seed is derived from. */
    public String canonicalText() {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
    }

    /** The group column whose value is null, or null if every value is there. */
    public String nullColumn() {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                return columns.get(i);
            }
        }
        return null;
    }

    /**
     * This group's sampler seed: the first 8 bytes (big-endian) of the SHA-256 of the master seed
     * in decimal, a colon and the canonical text, with the sign bit cleared (so that
     * {@code mmm fit --seed} takes it as it is). Different groups get unrelated seeds; the same
     * group under the same master seed always gets the same one.
     */
    public long seed(long masterSeed) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        byte[] digest = sha.digest((masterSeed + ":" + canonicalText()).getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong() & Long.MAX_VALUE;
    }

    /**
     * The group's folder under the batch's output, relative: one level per group column, each
     * value percent-encoded (UTF-8) outside {@code [A-Za-z0-9_-]} and dots, with a leading dot
     * encoded too (no hidden folders, no {@code .} or {@code ..}); an empty value is {@code %22%22}
     * and a null one {@code %00}. Distinct keys get distinct folders.
     */
    public String folder() {
        List<String> parts = new ArrayList<>();
        for (String value : values) {
            parts.add(folderPart(value));
        }
        return String.join("/", parts);
    }

    /**
     * The key whose {@link #folder()} is {@code folder} (one level per group column).
     *
     * @throws IllegalArgumentException if the folder has another number of levels or is not percent-encoded text
     */
    public static GroupKey fromFolder(List<String> columns, String folder) {
        String[] parts = folder.split("/", -1);
        if (parts.length != columns.size()) {
            throw new IllegalArgumentException("group folder '" + folder + "' has " + parts.length + " levels, not one per"
                    + " group column (" + String.join(", ", columns) + ")");
        }
        List<String> values = new ArrayList<>();
        for (String part : parts) {
            values.add(switch (part) {
                case "%00" -> null;
                case "%22%22" -> "";
                default -> decodePart(part, folder);
            });
        }
        GroupKey key = new GroupKey(columns, values);
        if (!key.folder().equals(folder)) {
            throw new IllegalArgumentException("'" + folder + "' is not a group folder (its values would be written '"
                    + key.folder() + "')");
        }
        return key;
    }

    private static String decodePart(String part, String folder) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%' && i + 2 < part.length()) {
                int hi = Character.digit(part.charAt(i + 1), 16);
                int lo = Character.digit(part.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("group folder '" + folder + "': bad escape at '" + part.substring(i) + "'");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '%') {
                throw new IllegalArgumentException("group folder '" + folder + "': bad escape at '" + part.substring(i) + "'");
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static String folderPart(String value) {
        if (value == null) {
            return "%00";
        }
        if (value.isEmpty()) {
            return "%22%22";
        }
        StringBuilder out = new StringBuilder();
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean plain = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                    || b == '_' || b == '-' || (b == '.' && i > 0);
            if (plain) {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** {@code column=value} pairs, for messages. */
    @Override
    public String toString() {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            pairs.add(columns.get(i) + "=" + values.get(i));
        }
        return String.join(", ", pairs);
    }
}
