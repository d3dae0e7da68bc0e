package dev.mmm.core.optimize;

import java.util.Arrays;

/**
 * The feasible allocations {@code {x : lower <= x <= upper, sum x = total}} and the Euclidean
 * projection onto them: {@code x_i = clamp(y_i - lambda, lower_i, upper_i)} with the shift
 * {@code lambda} found by bisection (the sum is monotone in it), then the last rounding residual
 * put on a coordinate strictly inside its bounds, so that the total holds to the last bit.
 */
final class BudgetSet {

    private final double[] lower;
    private final double[] upper;
    private final double total;

    BudgetSet(double[] lower, double[] upper, double total) {
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.total = total;
        double lo = 0.0;
        double hi = 0.0;
        for (int i = 0; i < lower.length; i++) {
            lo += lower[i];
            hi += upper[i];
        }
        double slack = 1e-9 * Math.max(1.0, Math.abs(total));
        if (lo > total + slack) {
            throw new IllegalArgumentException("the lower bounds add up to " + lo + ", more than the budget " + total);
        }
        if (hi < total - slack) {
            throw new IllegalArgumentException("the upper bounds add up to " + hi + ", less than the budget " + total);
        }
    }

    int size() {
        return lower.length;
    }

    double total() {
        return total;
    }

    double lower(int i) {
        return lower[i];
    }

    double upper(int i) {
        return upper[i];
    }

    /** Writes the projection of y into out (may be y itself). */
    void project(double[] y, double[] out) {
        int n = lower.length;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, y[i] - (Double.isInfinite(upper[i]) ? total : upper[i]));
            hi = Math.max(hi, y[i] - lower[i]);
        }
        // At lambda = lo every coordinate is at its upper bound or at least the total, so the sum is >= total;
        // at lambda = hi every coordinate is at its lower bound, so the sum is <= total.
        lo -= 1.0;
        double[] work = out == y ? y.clone() : y;
        for (int iter = 0; iter < 200 && hi - lo > 0; iter++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (sumAt(work, mid) > total) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double lambda = 0.5 * (lo + hi);
        // What the bisection leaves of a coordinate at a bound is rounding: put it on the bound.
        double snap = 1e-12 * Math.max(1.0, Math.abs(total));
        for (int i = 0; i < n; i++) {
            double v = clamp(work[i] - lambda, i);
            if (v - lower[i] <= snap) {
                v = lower[i];
            } else if (upper[i] - v <= snap) {
                v = upper[i];
            }
            out[i] = v;
        }
        fixTotal(out);
    }

    /** Puts {@code total - sum x} on the coordinates with room for it, largest room first. */
    void fixTotal(double[] x) {
        int n = x.length;
        for (int pass = 0; pass < 3; pass++) {
            double residual = total;
            for (double v : x) {
                residual -= v;
            }
            if (residual == 0.0) {
                return;
            }
            int best = -1;
            double room = 0.0;
            for (int i = 0; i < n; i++) {
                double r = residual > 0 ? upper[i] - x[i] : x[i] - lower[i];
                if (r > room) {
                    room = r;
                    best = i;
                }
            }
            if (best < 0) {
                return;
            }
            x[best] = clamp(x[best] + residual, best);
        }
    }

    private double sumAt(double[] y, double lambda) {
        double s = 0.0;
        for (int i = 0; i < y.length; i++) {
            s += clamp(y[i] - lambda, i);
        }
        return s;
    }

    private double clamp(double v, int i) {
        return Math.min(upper[i], Math.max(lower[i], v));
    }

    /** A feasible point near x (its projection), or the lower bounds topped up evenly if x is null. */
    double[] feasible(double[] x) {
        double[] out = new double[lower.length];
        if (x == null) {
            Arrays.fill(out, 0.0);
            project(out, out);
        } else {
            project(x, out);
        }
        return out;
    }
}
