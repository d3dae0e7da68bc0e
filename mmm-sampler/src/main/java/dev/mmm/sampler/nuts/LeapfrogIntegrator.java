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

    /** One step of size {@code stepSize} (negative integrates backwards); updates every field of z. */
    public void step(PhasePoint z, double stepSize) {
        double[] q = z.position;
        double[] p = z.momentum;
        double[] g = z.gradient;
        double[] v = z.velocity;
        int n = q.length;
        double half = 0.5 * stepSize;
        for (int i = 0; i < n; i++) {
            p[i] += half * g[i];
        }
        metric.multiplyInverse(p, v);
        for (int i = 0; i < n; i++) {
            q[i] += stepSize * v[i];
        }
        z.logDensity = density.logDensityAndGradient(q, g);
        for (int i = 0; i < n; i++) {
            p[i] += half * g[i];
        }
        updateEnergy(z);
    }

    /** Recomputes z's velocity and energy from its momentum and log density. */
    public void updateEnergy(PhasePoint z) {
        metric.multiplyInverse(z.momentum, z.velocity);
        double twiceKinetic = 0;
        for (int i = 0; i < z.momentum.length; i++) {
            twiceKinetic += z.momentum[i] * z.velocity[i];
        }
        double h = 0.5 * twiceKinetic - z.logDensity;
        // NaN anywhere (log density, or a gradient that poisoned the momentum) counts as infinite energy.
        z.energy = Double.isNaN(h) ? Double.POSITIVE_INFINITY : h;
    }

    /** Evaluates the log density and gradient at z's position. */
    public void evaluate(PhasePoint z) {
        z.logDensity = density.logDensityAndGradient(z.position, z.gradient);
    }
}
