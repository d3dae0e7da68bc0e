package dev.mmm.sampler.nuts;

import dev.mmm.sampler.LogDensity;
import dev.mmm.sampler.metric.EuclideanMetric;

/** The velocity-Verlet leapfrog: half step in momentum, full step in position, half step in momentum. */
public final class LeapfrogIntegrator {
    private final LogDensity density;
    private final EuclideanMetric metric;

    public LeapfrogIntegrator(LogDensity density, EuclideanMetric metric) {
        if (density.dimension() != metric.dimension()) {
            throw new IllegalArgumentException("density has dimension " + density.dimension()
                    + " but metric has dimension " + metric.dimension());
        }
        this.density = density;
        this.metric = metric;
    }

    public EuclideanMetric metric() {
        return metric;
    }

    /**
     * One step of size {@code stepSize} (negative integrates backwards); updates every field of z.
     * Needs z's velocity and M⁻¹∇log p to be current, as {@link #updateEnergy} leaves them; keeps
     * the velocity current through p' = p + (ε/2)∇ ⇒ M⁻¹p' = M⁻¹p + (ε/2)M⁻¹∇, so each step
     * costs one M⁻¹ product.
     */
    public void step(PhasePoint z, double stepSize) {
        double[] q = z.position;
        double[] p = z.momentum;
        double[] g = z.gradient;
        double[] v = z.velocity;
        double[] u = z.inverseMetricGradient;
        int n = q.length;
        double half = 0.5 * stepSize;
        for (int i = 0; i < n; i++) {
            p[i] += half * g[i];
            v[i] += half * u[i];
            q[i] += stepSize * v[i];
        }
        z.logDensity = density.logDensityAndGradient(q, g);
        metric.multiplyInverse(g, u);
        double twiceKinetic = 0;
        for (int i = 0; i < n; i++) {
            p[i] += half * g[i];
            v[i] += half * u[i];
            twiceKinetic += p[i] * v[i];
        }
        setEnergy(z, 0.5 * twiceKinetic - z.logDensity);
    }

    /**
     * Recomputes z's velocity M⁻¹p, its M⁻¹∇log p and its energy from its momentum, gradient
     * and log density: at the start of every trajectory, since the metric may have changed.
     */
    public void updateEnergy(PhasePoint z) {
        metric.multiplyInverse(z.momentum, z.velocity);
        metric.multiplyInverse(z.gradient, z.inverseMetricGradient);
        double twiceKinetic = 0;
        for (int i = 0; i < z.momentum.length; i++) {
            twiceKinetic += z.momentum[i] * z.velocity[i];
        }
        setEnergy(z, 0.5 * twiceKinetic - z.logDensity);
    }

    private static void setEnergy(PhasePoint z, double h) {
        // NaN anywhere (log density, or a gradient that poisoned the momentum) counts as infinite energy.
        z.energy = Double.isNaN(h) ? Double.POSITIVE_INFINITY : h;
    }

    /** Evaluates the log density and gradient at z's position. */
    public void evaluate(PhasePoint z) {
        z.logDensity = density.logDensityAndGradient(z.position, z.gradient);
    }
}
