package dev.mmm.core.data;

import java.util.List;

/**
 * Puts text from the input (a cell, a column name, a JSON key) into an error or warning line
 * safely: control characters (line breaks, tabs, terminal escape sequences) are written as
 * {@code \n}, {@code \t} or {@code \u001b} so that a message stays one line and cannot drive the
 * user's terminal, and long values are cut so that a 100 MB header does not become a 100 MB line.
 */
public final class MessageText {

    /** Longest value (cell, name) quoted in full; longer ones are cut to this and marked. */
    public static final int MAX_VALUE_CHARS = 80;
    /** How many names a list of names shows before "and N more". */
    public static final int MAX_NAMES = 20;
    /** Longest whole message line; longer lines are cut to this and marked. */
    public static final int MAX_LINE_CHARS = 2000;

    private MessageText() {
    }

    /** {@code text} with control characters escaped, cut to {@link #MAX_VALUE_CHARS}. */
    public static String value(String text) {
        return cut(escape(text, MAX_VALUE_CHARS + 1), MAX_VALUE_CHARS, text == null ? 0 : text.length());
    }

    /** Names joined with ", ", each as {@link #value}, at most {@link #MAX_NAMES} of them. */
    public static String names(List<String> names) {
        StringBuilder b = new StringBuilder();
        int shown = Math.min(names.size(), MAX_NAMES);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(value(names.get(i)));
        }
        if (names.size() > shown) {
            b.append(", ... and ").append(names.size() - shown).append(" more");
        }
        return b.toString();
    }

    /** A whole message: control characters escaped, cut to {@link #MAX_LINE_CHARS}. */
    public static String line(String message) {
        if (message == null) {
            return "";
        }
        return cut(escape(message, MAX_LINE_CHARS + 1), MAX_LINE_CHARS, message.length());
    }

    /** {@code text} with control characters escaped, whole (for tables, where names are not cut). */
    public static String escaped(String text) {
        return escape(text, Integer.MAX_VALUE);
    }

    /** Escapes at most the first {@code limit} characters (the rest would be cut anyway). */
    private static String escape(String text, int limit) {
        if (text == null) {
            return "null";
        }
        int n = Math.min(text.length(), limit);
        StringBuilder b = null;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (control && b == null) {
                b = new StringBuilder(n + 16);
                b.append(text, 0, i);
            }
            if (b != null) {
                if (!control) {
                    b.append(c);
                } else if (c == '\n') {
                    b.append("\\n");
                } else if (c == '\r') {
                    b.append("\\r");
                } else if (c == '\t') {
                    b.append("\\t");
                } else {
                    b.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        if (b != null) {
            return b.toString();
        }
        return n == text.length() ? text : text.substring(0, n);
    }

    private static String cut(String escaped, int max, int originalLength) {
        if (escaped.length() <= max) {
            // Escaping only lengthens, and more than max characters were escaped when the original was longer.
            return escaped;
        }
        int end = max;
        if (Character.isHighSurrogate(escaped.charAt(end - 1))) {
            end--;
        }
        return escaped.substring(0, end) + "... (" + originalLength + " characters)";
    }
}
