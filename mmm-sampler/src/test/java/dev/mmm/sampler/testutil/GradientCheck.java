package dev.mmm.sampler.testutil;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.sampler.LogDensity;

/** Checks a hand-written gradient against fourth-order central finite differences. */
public final class GradientCheck {

    private GradientCheck() {
    }

    /** Asserts every coordinate's relative error is below {@code tolerance}. */
    public static void assertGradientMatches(LogDensity density, double[] q, double tolerance) {
        int n = density.dimension();
        double[] gradient = new double[n];
        double[] scratch = new double[n];
        double[] point = q.clone();
        density.logDensityAndGradient(point, gradient);
        for (int i = 0; i < n; i++) {
            double h = 1e-4 * Math.max(1, Math.abs(q[i]));
            double f2 = at(density, point, i, q[i] + 2 * h, scratch);
            double f1 = at(density, point, i, q[i] + h, scratch);
            double m1 = at(density, point, i, q[i] - h, scratch);
            double m2 = at(density, point, i, q[i] - 2 * h, scratch);
            point[i] = q[i];
            double numeric = (-f2 + 8 * f1 - 8 * m1 + m2) / (12 * h);
            double error = Math.abs(numeric - gradient[i]) / Math.max(1, Math.abs(gradient[i]));
            assertThat(error).as("coordinate %d at %s: analytic %s, numeric %s", i,
                    java.util.Arrays.toString(q), gradient[i], numeric).isLessThan(tolerance);
        }
    }

    private static double at(LogDensity density, double[] point, int i, double value, double[] scratch) {
        point[i] = value;
        return density.logDensityAndGradient(point, scratch);
    }
}
