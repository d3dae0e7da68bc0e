package dev.mmm.sampler;

import static org.assertj.core.api.Assertions.assertThat;

/** Central finite differences against a hand-written gradient. */
public final class GradientCheck {

    private GradientCheck() {
    }

    /** Relative error (to max(1, |analytic|)) below 1e-6 in every coordinate. */
    public static void assertGradientMatchesFiniteDifferences(LogDensity density, double[] q) {
        int n = density.dimension();
        double[] gradient = new double[n];
        double[] scratch = new double[n];
        density.logDensityAndGradient(q, gradient);
        for (int i = 0; i < n; i++) {
            double h = 1e-6 * Math.max(1e-3, Math.abs(q[i]));
            double saved = q[i];
            q[i] = saved + h;
            double up = density.logDensityAndGradient(q, scratch);
            q[i] = saved - h;
            double down = density.logDensityAndGradient(q, scratch);
            q[i] = saved;
            double numeric = (up - down) / (2 * h);
            double error = Math.abs(numeric - gradient[i]) / Math.max(1.0, Math.abs(gradient[i]));
            assertThat(error).as("coordinate %d: analytic %g, numeric %g", i, gradient[i], numeric).isLessThan(1e-6);
        }
    }

}
