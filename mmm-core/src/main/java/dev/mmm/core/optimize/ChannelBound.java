package dev.mmm.core.optimize;

/**
 * Where one channel's spend over the window may go: between two amounts of money, between two
 * multiples of its spend in the reference window (scaled to the window's length), or locked at its
 * current value (the reference mix scaled to the budget).
 */
public sealed interface ChannelBound {

    /** Spend over the window in {@code [lower, upper]}, in the data's money units. */
    record Absolute(double lower, double upper) implements ChannelBound {
        public Absolute {
            if (!(lower >= 0.0) || !(upper >= lower)) {
                throw new IllegalArgumentException("bounds must satisfy 0 <= lower <= upper, got [" + lower + ", "
                        + upper + "]");
            }
        }
    }

    /** Spend over the window in {@code [lowerFactor, upperFactor]} times the reference window's spend. */
    record Relative(double lowerFactor, double upperFactor) implements ChannelBound {
        public Relative {
            if (!(lowerFactor >= 0.0) || !(upperFactor >= lowerFactor)) {
                throw new IllegalArgumentException("relative bounds must satisfy 0 <= lower <= upper, got ["
                        + lowerFactor + "x, " + upperFactor + "x]");
            }
        }
    }

    /** Spend held at the channel's current value. */
    record Locked() implements ChannelBound {
    }

    /** No bound but the budget itself. */
    static ChannelBound free() {
        return new Absolute(0.0, Double.POSITIVE_INFINITY);
    }

    static ChannelBound absolute(double lower, double upper) {
        return new Absolute(lower, upper);
    }

    static ChannelBound relative(double lowerFactor, double upperFactor) {
        return new Relative(lowerFactor, upperFactor);
    }

    static ChannelBound locked() {
        return new Locked();
    }

    /**
     * Parses the CLI's form: {@code lo:hi} in money ({@code 1000:5000}, either side may be
     * empty for 0 or no upper bound), {@code 0.5x:1.5x} relative to the reference window, or
     * {@code locked}.
     *
     * @param what names the bound in the error message (e.g. {@code --bounds tv})
     */
    static ChannelBound parse(String text, String what) {
        String s = text.trim();
        if (s.equalsIgnoreCase("locked")) {
            return locked();
        }
        int colon = s.indexOf(':');
        if (colon < 0 || s.indexOf(':', colon + 1) >= 0) {
            throw new IllegalArgumentException(what + ": expected lo:hi, lo x:hi x or locked, got '" + text + "'");
        }
        String lo = s.substring(0, colon).trim();
        String hi = s.substring(colon + 1).trim();
        boolean relLo = lo.endsWith("x");
        boolean relHi = hi.endsWith("x");
        if (relLo != relHi && !lo.isEmpty() && !hi.isEmpty()) {
            throw new IllegalArgumentException(what + ": both sides must be relative (x) or both absolute, got '"
                    + text + "'");
        }
        boolean relative = relLo || relHi;
        double lower = number(relLo ? lo.substring(0, lo.length() - 1) : lo, 0.0, what, text);
        double upper = number(relHi ? hi.substring(0, hi.length() - 1) : hi, Double.POSITIVE_INFINITY, what, text);
        try {
            return relative ? relative(lower, upper) : absolute(lower, upper);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage());
        }
    }

    /**
     * Parses the CLI's {@code --bounds tv=0.5x:1.5x,search=locked,radio=:20000} into bounds by
     * channel, in the order given; each error names the item.
     */
    static java.util.Map<String, ChannelBound> parseList(String text) {
        java.util.Map<String, ChannelBound> out = new java.util.LinkedHashMap<>();
        for (String item : text.split(",")) {
            String s = item.trim();
            if (s.isEmpty()) {
                continue;
            }
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--bounds: expected channel=bound, got '" + s + "'");
            }
            String channel = s.substring(0, eq).trim();
            if (out.containsKey(channel)) {
                throw new IllegalArgumentException("--bounds: channel '" + channel + "' is bounded twice");
            }
            out.put(channel, parse(s.substring(eq + 1), "--bounds " + channel));
        }
        return out;
    }

    private static double number(String s, double empty, String what, String text) {
        if (s.isBlank()) {
            return empty;
        }
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + s.trim() + "' in '" + text + "' is not a number");
        }
    }
}
