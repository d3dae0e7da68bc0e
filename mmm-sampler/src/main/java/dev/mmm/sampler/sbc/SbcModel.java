package dev.mmm.sampler.sbc;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * What simulation-based calibration needs of a model: draw parameters from the prior, simulate
 * data from them, and build the posterior of that data.
 *
 * @param <D> the simulated data
 */
public interface SbcModel<D> {

    /** Names of the parameters checked, in the order of every {@code double[]} below. */
    List<String> parameterNames();

    /** One draw of the parameters from the prior. */
    double[] samplePrior(UniformRandomProvider rng);

    /** Data simulated from the model given {@code parameters}. */
    D simulate(double[] parameters, UniformRandomProvider rng);

    /** The posterior of {@code data}: what the sampler explores and how to read the parameters. */
    SbcPosterior posterior(D data);
}
