package dev.mmm.report;

import java.util.Locale;

/** Number formatting for the report's tables: readable at any magnitude, "n/a" for NaN. */
final class Fmt {

    private Fmt() {
    }

    /** A number with as many decimals as its size needs: 123,457 / 12.35 / 0.123 / 1.23e-05. */
    static String number(double x) {
        if (Double.isNaN(x)) {
            return "n/a";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "∞" : "-∞";
        }
        double a = Math.abs(x);
        if (a == 0) {
            return "0";
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", x);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", x);
        }
        if (a >= 0.001) {
            return String.format(Locale.ROOT, "%.3f", x);
        }
        return String.format(Locale.ROOT, "%.2e", x);
    }

    /** A fraction as a percentage with one decimal: 0.1234 as 12.3%. */
    static String percent(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    /** A signed percentage change: +12.3% / -4.0%. */
    static String change(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", 100 * fraction);
    }

    /** R-hat with three decimals. */
    static String rhat(double x) {
        return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%.3f", x);
    }

    /** An effective sample size, whole. */
    static String ess(double x) {
        return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%,.0f", x);
    }
}
