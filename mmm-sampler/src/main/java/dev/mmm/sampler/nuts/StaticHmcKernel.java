package dev.mmm.sampler.nuts;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/** Static HMC: a fixed number of leapfrog steps, then a Metropolis accept or reject of the end point. */
public final class StaticHmcKernel implements TransitionKernel {
    private final LeapfrogIntegrator integrator;
    private final UniformRandomProvider uniform;
    private final NormalizedGaussianSampler standardNormal;
    private final int steps;
    private final PhasePoint z;

    public StaticHmcKernel(LeapfrogIntegrator integrator, UniformRandomProvider uniform,
            NormalizedGaussianSampler standardNormal, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        this.integrator = integrator;
        this.uniform = uniform;
        this.standardNormal = standardNormal;
        this.steps = steps;
        this.z = new PhasePoint(integrator.metric().dimension());
    }

    @Override
    public void transition(PhasePoint state, double stepSize, TransitionInfo info) {
        z.copyStateFrom(state);
        integrator.metric().sampleMomentum(standardNormal, z.momentum);
        integrator.updateEnergy(z);
        double h0 = z.energy;
        boolean divergent = false;
        int taken = 0;
        while (taken < steps) {
            integrator.step(z, stepSize);
            taken++;
            if (z.energy - h0 > NutsKernel.MAX_ENERGY_ERROR) {
                divergent = true;
                break;
            }
        }
        double acceptance = divergent ? 0.0 : Math.min(1.0, Math.exp(h0 - z.energy));
        if (acceptance >= 1.0 || uniform.nextDouble() < acceptance) {
            state.copyStateFrom(z);
            info.energy = z.energy;
        } else {
            info.energy = h0;
            state.energy = h0;
        }
        info.treeDepth = 0;
        info.leapfrogSteps = taken;
        info.divergent = divergent;
        info.acceptance = acceptance;
        info.stepSize = stepSize;
    }
}
