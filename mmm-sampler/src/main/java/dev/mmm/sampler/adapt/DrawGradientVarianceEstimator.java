package dev.mmm.sampler.adapt;

import dev.mmm.sampler.SamplerException;
import dev.mmm.sampler.metric.DiagonalMetric;

/**
 * nutpie's diagonal metric: M⁻¹_i = sqrt(Var[q_i] / Var[∂_i log p]), clamped to [1e-20, 1e20].
 * For a Gaussian coordinate N(μ, s²) both estimates give s², but the gradient makes it
 * converge with fewer draws (Seyboldt et al. 2026).
 */
public final class DrawGradientVarianceEstimator implements MetricEstimator {
    private static final double LOWER = 1e-20;
    private static final double UPPER = 1e20;

    private final DiagonalMetric metric;
    private final WelfordVariance positions;
    private final WelfordVariance gradients;
    private final double[] positionVariance;
    private final double[] gradientVariance;
    private final double[] current;

    public DrawGradientVarianceEstimator(DiagonalMetric metric) {
        int n = metric.dimension();
        this.metric = metric;
        this.positions = new WelfordVariance(n);
        this.gradients = new WelfordVariance(n);
        this.positionVariance = new double[n];
        this.gradientVariance = new double[n];
        this.current = new double[n];
    }

    /** nutpie's starting metric from one gradient: M⁻¹_i = 1/|g_i|, with 1 where that is not usable. */
    public static void initialFromGradient(double[] gradient, double[] out) {
        for (int i = 0; i < gradient.length; i++) {
            double v = 1.0 / Math.abs(gradient[i]);
            out[i] = Double.isFinite(v) ? clamp(v) : 1.0;
        }
    }

    @Override
    public void add(double[] position, double[] gradient) {
        positions.add(position);
        gradients.add(gradient);
    }

    @Override
    public int count() {
        return positions.count();
    }

    @Override
    public void updateMetricAndRestart() {
        positions.variance(positionVariance);
        gradients.variance(gradientVariance);
        metric.inverseDiagonal(current);
        for (int i = 0; i < positionVariance.length; i++) {
            // A coordinate that never moved in the window, or whose gradient never changed, gives no
            // scale (0 / 0, 0 / x, x / 0): it keeps its entry. Short windows (10 draws in
            // SwitchingWindows' early part) can see that after a run of rejected transitions.
            if (positionVariance[i] == 0 || gradientVariance[i] == 0) {
                continue;
            }
            double v = inverseMetricEntry(positionVariance[i], gradientVariance[i]);
            if (Double.isNaN(v)) {
                throw new SamplerException("numerical overflow in metric adaptation: coordinate " + i
                        + " has draw variance " + positionVariance[i] + " and gradient variance " + gradientVariance[i]);
            }
            current[i] = v;
        }
        metric.setInverseDiagonal(current);
        positions.restart();
        gradients.restart();
    }

    /**
     * nutpie's M⁻¹_i = sqrt(Var[q_i] / Var[∂_i log p]), clamped to [1e-20, 1e20]; NaN when the
     * variances give no ratio (0 / 0, or either not finite in a way that leaves NaN).
     */
    static double inverseMetricEntry(double positionVariance, double gradientVariance) {
        double v = Math.sqrt(positionVariance / gradientVariance);
        return Double.isNaN(v) ? v : clamp(v);
    }

    private static double clamp(double v) {
        return Math.max(LOWER, Math.min(UPPER, v));
    }
}
