package dev.mmm.sampler.nuts;

import dev.mmm.sampler.SamplerException;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * Stan's {@code base_hmc::init_stepsize}: from a starting step size, double or halve it (with a
 * fresh momentum each try) until the energy change of one leapfrog step crosses log 0.8.
 */
public final class StepSizeSearch {
    private static final double LOG_TARGET = Math.log(0.8);

    private final LeapfrogIntegrator integrator;
    private final NormalizedGaussianSampler standardNormal;
    private final PhasePoint z;

    public StepSizeSearch(LeapfrogIntegrator integrator, NormalizedGaussianSampler standardNormal) {
        this.integrator = integrator;
        this.standardNormal = standardNormal;
        this.z = new PhasePoint(integrator.metric().dimension());
    }

    /**
     * @return the step size found; {@code stepSize} itself when it is 0, NaN or above 1e7 (Stan
     *     skips the search there to avoid an endless loop)
     * @throws SamplerException if the step size runs above 1e7 (improper posterior) or down to 0
     */
    public double search(PhasePoint state, double stepSize) {
        if (stepSize == 0 || stepSize > 1e7 || Double.isNaN(stepSize)) {
            return stepSize;
        }
        int direction = energyChange(state, stepSize) > LOG_TARGET ? 1 : -1;
        while (true) {
            double deltaH = energyChange(state, stepSize);
            if (direction == 1 && !(deltaH > LOG_TARGET)) {
                break;
            } else if (direction == -1 && !(deltaH < LOG_TARGET)) {
                break;
            } else {
                stepSize = direction == 1 ? stepSize * 2 : stepSize * 0.5;
            }
            if (stepSize > 1e7) {
                throw new SamplerException("step size search ran above 1e7: the posterior looks improper;"
                        + " check the model for a flat direction without a proper prior");
            }
            if (stepSize == 0) {
                throw new SamplerException("step size search ran down to 0: no acceptably small step size;"
                        + " the log density may not be continuous");
            }
        }
        return stepSize;
    }

    /** H0 − H after one leapfrog step from {@code state} with a fresh momentum; NaN counts as −∞. */
    private double energyChange(PhasePoint state, double stepSize) {
        z.copyStateFrom(state);
        integrator.metric().sampleMomentum(standardNormal, z.momentum);
        integrator.updateEnergy(z);
        double h0 = z.energy;
        integrator.step(z, stepSize);
        return h0 - z.energy;
    }
}
