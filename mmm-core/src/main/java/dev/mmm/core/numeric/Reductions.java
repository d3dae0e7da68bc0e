package dev.mmm.core.numeric;

/**
 * Sums and dot products over the first {@code n} entries of arrays, with four independent
 * partial sums. A single running sum makes every addition wait for the previous one (about four
 * cycles each), so a 156-row dot product costs ~600 cycles; four partial sums overlap and run
 * about four times faster. The price is a different (but fixed, so still deterministic) order of
 * summation than a plain left-to-right loop.
 *
 * <p>These reductions are most of the gradient's serial work: each channel's beta, each
 * saturation and adstock parameter, each control and Fourier coefficient, the likelihood's sum of
 * squares.
 */
public final class Reductions {

    private Reductions() {
    }

    /** {@code sum_{i < n} a[i] * b[i]}. */
    public static double dot(double[] a, double[] b, int n) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code sum_{i < n} a[i]}. */
    public static double sum(double[] a, int n) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * {@code out[j] = sum_{i < n} g[i] * rows[j][i]} for {@code j < count}: several dot products
     * against one vector, up to four rows per pass so that g[i] is loaded once for all of them
     * and the four running sums (two per row when fewer rows are left) hide the add latency.
     */
    public static void dots(double[] g, double[][] rows, int count, int n, double[] out) {
        int j = 0;
        for (; j + 3 < count; j += 4) {
            double[] r0 = rows[j];
            double[] r1 = rows[j + 1];
            double[] r2 = rows[j + 2];
            double[] r3 = rows[j + 3];
            double s0 = 0.0;
            double s1 = 0.0;
            double s2 = 0.0;
            double s3 = 0.0;
            for (int i = 0; i < n; i++) {
                double gi = g[i];
                s0 += gi * r0[i];
                s1 += gi * r1[i];
                s2 += gi * r2[i];
                s3 += gi * r3[i];
            }
            out[j] = s0;
            out[j + 1] = s1;
            out[j + 2] = s2;
            out[j + 3] = s3;
        }
        if (count - j == 3) {
            double[] r0 = rows[j];
            double[] r1 = rows[j + 1];
            double[] r2 = rows[j + 2];
            double a0 = 0.0;
            double a1 = 0.0;
            double a2 = 0.0;
            double b0 = 0.0;
            double b1 = 0.0;
            double b2 = 0.0;
            int i = 0;
            for (; i + 1 < n; i += 2) {
                double g0 = g[i];
                double g1 = g[i + 1];
                a0 += g0 * r0[i];
                a1 += g0 * r1[i];
                a2 += g0 * r2[i];
                b0 += g1 * r0[i + 1];
                b1 += g1 * r1[i + 1];
                b2 += g1 * r2[i + 1];
            }
            if (i < n) {
                double gi = g[i];
                a0 += gi * r0[i];
                a1 += gi * r1[i];
                a2 += gi * r2[i];
            }
            out[j] = a0 + b0;
            out[j + 1] = a1 + b1;
            out[j + 2] = a2 + b2;
            return;
        }
        if (count - j == 2) {
            double[] r0 = rows[j];
            double[] r1 = rows[j + 1];
            double a0 = 0.0;
            double a1 = 0.0;
            double b0 = 0.0;
            double b1 = 0.0;
            int i = 0;
            for (; i + 1 < n; i += 2) {
                a0 += g[i] * r0[i];
                a1 += g[i] * r1[i];
                b0 += g[i + 1] * r0[i + 1];
                b1 += g[i + 1] * r1[i + 1];
            }
            if (i < n) {
                a0 += g[i] * r0[i];
                a1 += g[i] * r1[i];
            }
            out[j] = a0 + b0;
            out[j + 1] = a1 + b1;
            return;
        }
        if (count - j == 1) {
            out[j] = dot(g, rows[j], n);
        }
    }
}
