package dev.mmm.priors;

import java.util.function.DoubleUnaryOperator;

/**
 * Central finite differences refined by Richardson extrapolation (Ridders' method), so that
 * the reference derivative is accurate well beyond the 1e-6 the tests ask of the analytic one.
 */
final class FiniteDifference {

    private FiniteDifference() {
    }

    static double derivative(DoubleUnaryOperator f, double x, double h0) {
        final int n = 12;
        final double shrink = 1.4;
        final double shrink2 = shrink * shrink;
        double[][] table = new double[n][n];
        double h = h0;
        table[0][0] = (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
        double best = table[0][0];
        double error = Double.MAX_VALUE;
        for (int i = 1; i < n; i++) {
            h /= shrink;
            table[0][i] = (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
            double factor = shrink2;
            for (int j = 1; j <= i; j++) {
                table[j][i] = (table[j - 1][i] * factor - table[j - 1][i - 1]) / (factor - 1);
                factor *= shrink2;
                double e = Math.max(Math.abs(table[j][i] - table[j - 1][i]), Math.abs(table[j][i] - table[j - 1][i - 1]));
                if (e <= error) {
                    error = e;
                    best = table[j][i];
                }
            }
            if (Math.abs(table[i][i] - table[i - 1][i - 1]) >= 2 * error) {
                break;
            }
        }
        return best;
    }

    /** A starting step that stays inside [lower, upper] around x. */
    static double step(double x, double lower, double upper) {
        double h = 1e-2 * Math.max(Math.abs(x), 1e-3);
        if (lower != Double.NEGATIVE_INFINITY) {
            h = Math.min(h, 0.5 * (x - lower));
        }
        if (upper != Double.POSITIVE_INFINITY) {
            h = Math.min(h, 0.5 * (upper - x));
        }
        return h;
    }

    /** |analytic - numeric| within 1e-6 relative, with a small absolute floor for derivatives near 0. */
    static boolean agrees(double analytic, double numeric, double floor) {
        return Math.abs(analytic - numeric) <= 1e-6 * Math.max(Math.abs(analytic), Math.abs(numeric)) + floor;
    }
}
