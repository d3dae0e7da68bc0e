package dev.mmm.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.sampler.LogDensity;

/** Central finite differences (five-point stencil) against a hand-written gradient. */
public final class GradientCheck {

    private GradientCheck() {
    }

    /**
     * Asserts every coordinate of the gradient at {@code u} agrees with the five-point central
     * difference to {@code |g - fd| <= tol * max(1, |g|)}.
     */
    public static void assertGradient(LogDensity density, double[] u, double tol, String where) {
        int n = density.dimension();
        double[] grad = new double[n];
        double value = density.logDensityAndGradient(u.clone(), grad);
        assertThat(value).as("log density at " + where).isFinite();
        double[] scratch = new double[n];
        for (int i = 0; i < n; i++) {
            double h = 1e-3 * Math.max(1.0, Math.abs(u[i]));
            double[] p = u.clone();
            p[i] = u[i] + h;
            double f1 = density.logDensityAndGradient(p, scratch);
            p[i] = u[i] - h;
            double fm1 = density.logDensityAndGradient(p, scratch);
            p[i] = u[i] + 2 * h;
            double f2 = density.logDensityAndGradient(p, scratch);
            p[i] = u[i] - 2 * h;
            double fm2 = density.logDensityAndGradient(p, scratch);
            double fd = (fm2 - 8 * fm1 + 8 * f1 - f2) / (12 * h);
            double err = Math.abs(grad[i] - fd) / Math.max(1.0, Math.abs(grad[i]));
            if (!(err < tol)) {
                // A wide stencil can straddle a kink of a piecewise-smooth function (the min-max
                // rescaled Weibull weights switch their argmax); retry on a much narrower one.
                double small = h * 1e-3;
                p[i] = u[i] + small;
                double g1 = density.logDensityAndGradient(p, scratch);
                p[i] = u[i] - small;
                double gm1 = density.logDensityAndGradient(p, scratch);
                double narrow = (g1 - gm1) / (2 * small);
                double narrowErr = Math.abs(grad[i] - narrow) / Math.max(1.0, Math.abs(grad[i]));
                if (narrowErr < err) {
                    err = narrowErr;
                    fd = narrow;
                }
            }
            assertThat(err).as("gradient coordinate %d at %s: analytic %s, finite difference %s", i, where, grad[i], fd)
                    .isLessThan(tol);
        }
    }
}
