package dev.mmm.priors;

/**
 * The closed hull [lower, upper] of a distribution's support; either bound may be infinite.
 * A point support (lower == upper) belongs to a fixed value (Dirac).
 */
public record Support(double lower, double upper) {

    public static final Support REAL = new Support(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    public static final Support POSITIVE = new Support(0.0, Double.POSITIVE_INFINITY);
    public static final Support UNIT_INTERVAL = new Support(0.0, 1.0);

    public Support {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("invalid support [" + lower + ", " + upper + "]");
        }
    }

    public boolean contains(double x) {
        return x >= lower && x <= upper;
    }

    public boolean isPoint() {
        return lower == upper;
    }
}
