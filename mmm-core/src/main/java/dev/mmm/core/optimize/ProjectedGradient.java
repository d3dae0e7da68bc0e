package dev.mmm.core.optimize;

/**
 * Maximises a smooth function over a {@link BudgetSet} by the non-monotone spectral projected
 * gradient method (Birgin, Martinez and Raydan, SPG2, 2000): a projected step along the gradient
 * with the Barzilai-Borwein step length, accepted by a non-monotone Armijo test over the last ten
 * values. It needs only the projection, which for box bounds and one linear equality is exact
 * and cheap; Commons Math 3 offers no gradient method for bounds together with a linear equality
 * (BOBYQA takes bounds only and no gradient, its linear solvers take linear objectives).
 *
 * <p>Works in units of the budget ({@code z = x / total}); stops when the projected gradient
 * step, normalised by the largest gradient component, moves no coordinate by more than
 * {@code tolerance}: at that point the marginal returns of coordinates inside their bounds agree
 * to about {@code tolerance} relative; or when the objective has not improved by more than
 * {@code stagnation} relative for {@code stagnantLimit} iterations (a non-smooth objective such
 * as CVaR, whose projected gradient need not vanish at its optimum, a kink). Returns the best
 * point seen, so never one worse than the start.
 */
final class ProjectedGradient {

    /** The function to maximise: its value, and its gradient written into {@code gradient}. */
    interface Function {
        double valueAndGradient(double[] x, double[] gradient);
    }

    /** The maximiser found, its value and gradient there, and how the search ended. */
    record Result(double[] x, double value, double[] gradient, int iterations, int evaluations, boolean converged) {
    }

    private static final int MEMORY = 10;
    private static final double ARMIJO = 1e-4;
    private static final double STEP_MIN = 1e-30;
    /** The longest step, in budgets moved along the gradient normalised by its largest component. */
    private static final double STEP_MAX = 1e4;

    private ProjectedGradient() {
    }

    /**
     * @param stagnation    relative improvement below which an iteration counts as no progress
     * @param stagnantLimit stop after this many iterations without progress
     */
    static Result maximise(Function f, BudgetSet set, double[] start, double tolerance, int maxIterations,
                           double stagnation, int stagnantLimit) {
        int n = set.size();
        double scale = set.total() > 0 ? set.total() : 1.0;
        double[] x = set.feasible(start);
        double[] gx = new double[n];
        double fx = f.valueAndGradient(x, gx);
        int evaluations = 1;
        if (n == 0 || set.total() == 0.0 || isPinned(set)) {
            return new Result(x, fx, gx, 0, evaluations, true);
        }
        // Minimise -F in z = x / scale; g = -dF/dz = -scale * dF/dx.
        double[] z = new double[n];
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = x[i] / scale;
            g[i] = -scale * gx[i];
        }
        double[] history = new double[MEMORY];
        java.util.Arrays.fill(history, Double.NEGATIVE_INFINITY);
        history[0] = -fx;
        double[] trial = new double[n];
        double[] trialX = new double[n];
        double[] trialGx = new double[n];
        double[] d = new double[n];
        double residual = residual(set, z, g, d, scale);
        double step = clampStep(1.0 / Math.max(residual, 1e-300), g);
        int iteration = 0;
        boolean converged = residual <= tolerance;
        double best = fx;
        double[] bestX = x.clone();
        double[] bestGradient = gx.clone();
        int flat = 0;
        while (!converged && iteration < maxIterations) {
            iteration++;
            projectedStep(set, z, g, step, scale, d);
            double slope = 0.0;
            for (int i = 0; i < n; i++) {
                slope += g[i] * d[i];
            }
            double reference = Double.NEGATIVE_INFINITY;
            for (double h : history) {
                reference = Math.max(reference, h);
            }
            if (!(slope < 0.0)) {
                // No ascent direction left at the working precision: z is as stationary as we can tell.
                converged = residual <= tolerance;
                break;
            }
            double lambda = 1.0;
            double trialValue;
            boolean accepted;
            while (true) {
                for (int i = 0; i < n; i++) {
                    trial[i] = z[i] + lambda * d[i];
                    trialX[i] = trial[i] * scale;
                }
                set.fixTotal(trialX);
                trialValue = -f.valueAndGradient(trialX, trialGx);
                evaluations++;
                accepted = trialValue <= reference + ARMIJO * lambda * slope;
                if (accepted || lambda < 1e-12) {
                    break;
                }
                // Safeguarded quadratic interpolation of the value along d.
                double fz = -fx;
                double denominator = 2.0 * (trialValue - fz - lambda * slope);
                double next = denominator > 0 ? -slope * lambda * lambda / denominator : 0.5 * lambda;
                lambda = Math.max(0.1 * lambda, Math.min(0.5 * lambda, next));
            }
            if (!accepted) {
                // The line search found no sufficient gain even on a tiny step: stop where we are.
                converged = residual <= tolerance;
                break;
            }
            double sty = 0.0;
            double sts = 0.0;
            for (int i = 0; i < n; i++) {
                double zi = trialX[i] / scale;
                double gi = -scale * trialGx[i];
                double si = zi - z[i];
                double yi = gi - g[i];
                sty += si * yi;
                sts += si * si;
                z[i] = zi;
                g[i] = gi;
                x[i] = trialX[i];
                gx[i] = trialGx[i];
            }
            fx = -trialValue;
            history[iteration % MEMORY] = trialValue;
            step = clampStep(sty <= 0 ? Double.POSITIVE_INFINITY : sts / sty, g);
            residual = residual(set, z, g, d, scale);
            // At a kink (CVaR where draws swap places in the tail) the projected gradient need not
            // vanish: stop once the objective has not improved for a while.
            if (fx > best + stagnation * Math.max(Math.abs(best), 1e-300)) {
                flat = 0;
            } else {
                flat++;
            }
            if (fx > best) {
                best = fx;
                System.arraycopy(x, 0, bestX, 0, n);
                System.arraycopy(gx, 0, bestGradient, 0, n);
            }
            converged = residual <= tolerance || sts == 0.0 || flat >= stagnantLimit;
        }
        // The non-monotone search may end below a point it passed (on a kink): give the best one seen.
        return new Result(bestX, best, bestGradient, iteration, evaluations, converged);
    }

    private static boolean isPinned(BudgetSet set) {
        for (int i = 0; i < set.size(); i++) {
            if (set.upper(i) > set.lower(i)) {
                return false;
            }
        }
        return true;
    }

    /** d = P(z - step g) - z, in z units (the projection works in money units). */
    private static void projectedStep(BudgetSet set, double[] z, double[] g, double step, double scale, double[] d) {
        int n = z.length;
        for (int i = 0; i < n; i++) {
            d[i] = (z[i] - step * g[i]) * scale;
        }
        set.project(d, d);
        for (int i = 0; i < n; i++) {
            d[i] = d[i] / scale - z[i];
        }
    }

    /** The largest move of a unit projected gradient step, with g normalised by its largest component. */
    private static double residual(BudgetSet set, double[] z, double[] g, double[] work, double scale) {
        double max = 0.0;
        for (double v : g) {
            max = Math.max(max, Math.abs(v));
        }
        if (max == 0.0) {
            return 0.0;
        }
        projectedStep(set, z, g, 1.0 / max, scale, work);
        double r = 0.0;
        for (double v : work) {
            r = Math.max(r, Math.abs(v));
        }
        return r;
    }

    /**
     * The spectral step within [STEP_MIN, STEP_MAX / max |g|]: a step never moves more than
     * STEP_MAX budgets along the gradient, so the projection (exact only to the rounding of its
     * input's magnitude) keeps about 1e-12 of the budget.
     */
    private static double clampStep(double s, double[] g) {
        double max = 0.0;
        for (double v : g) {
            max = Math.max(max, Math.abs(v));
        }
        double upper = max > 0.0 ? STEP_MAX / max : STEP_MAX;
        return Math.max(Math.min(STEP_MIN, upper), Math.min(upper, s));
    }
}
