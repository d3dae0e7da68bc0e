package dev.mmm.core.transform;

import static org.assertj.core.api.Assertions.fail;

import dev.mmm.priors.Support;

/**
 * Finite differences of vector-valued functions of one scalar, and the closeness rule every
 * gradient test uses: 1e-6 relative, or an absolute floor that is the larger of 1e-9 and
 * the round-off noise of the difference quotient itself (so points near a domain edge,
 * where the step must be tiny, are judged by what a difference can resolve).
 */
final class FiniteDifferences {

    static final double RELATIVE_TOLERANCE = 1e-6;
    private static final double ABSOLUTE_FLOOR = 1e-9;

    /** A function of one scalar writing {@code n} outputs. */
    interface VectorFunction {
        void apply(double p, double[] out);
    }

    /** d out / d p by finite differences, and the absolute noise of each entry. */
    record Numeric(double[] derivative, double noise) {
    }

    private FiniteDifferences() {
    }

    /**
     * Central difference where the step fits inside {@code support}; otherwise the
     * second-order one-sided difference pointing into the interior.
     */
    static Numeric derivative(VectorFunction f, double p, Support support, int n) {
        double h = p == 0.0 ? 1e-8 : 1e-5 * Math.abs(p);
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        double[] d = new double[n];
        double maxAbs = 0.0;
        if (p - h >= support.lower() && p + h <= support.upper()) {
            f.apply(p + h, a);
            f.apply(p - h, b);
            for (int i = 0; i < n; i++) {
                d[i] = (a[i] - b[i]) / (2.0 * h);
                maxAbs = Math.max(maxAbs, Math.max(Math.abs(a[i]), Math.abs(b[i])));
            }
        } else {
            double direction = p + 2.0 * h <= support.upper() ? 1.0 : -1.0;
            f.apply(p, a);
            f.apply(p + direction * h, b);
            f.apply(p + direction * 2.0 * h, c);
            for (int i = 0; i < n; i++) {
                d[i] = direction * (-3.0 * a[i] + 4.0 * b[i] - c[i]) / (2.0 * h);
                maxAbs = Math.max(maxAbs, Math.max(Math.abs(a[i]), Math.max(Math.abs(b[i]), Math.abs(c[i]))));
            }
        }
        double noise = 100.0 * Math.ulp(1.0) * maxAbs / h;
        return new Numeric(d, noise);
    }

    /** Passes when the two agree to 1e-6 relative, or within the absolute floor where both are ~0. */
    static void assertClose(String what, double analytic, double numeric, double noise) {
        double error = Math.abs(analytic - numeric);
        double scale = Math.max(Math.abs(analytic), Math.abs(numeric));
        double absolute = Math.max(ABSOLUTE_FLOOR, noise);
        boolean ok = error <= RELATIVE_TOLERANCE * scale || error <= absolute;
        if (!ok || Double.isNaN(analytic) || Double.isNaN(numeric)) {
            fail(what + ": analytic " + analytic + " vs finite difference " + numeric
                    + " (relative error " + (error / scale) + ", absolute floor " + absolute + ")");
        }
    }
}
