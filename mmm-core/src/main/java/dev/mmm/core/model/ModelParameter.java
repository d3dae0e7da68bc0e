package dev.mmm.core.model;

import dev.mmm.priors.Bijector;
import dev.mmm.priors.Distribution;

/**
 * One scalar parameter of a compiled model: its name (as MODEL.md spells it, e.g.
 * {@code alpha[x1]}), its prior on the constrained value, the bijector from the unconstrained
 * scale the sampler works on, and whether it is measured in the target's units
 * ({@code scalesWithTarget}: intercept, beta, gamma, Fourier, event, synergy, trend and sigma are;
 * a channel's adstock/saturation shape parameters and Student-t's nu are not). Under an identity
 * link, rescaling the target by r rescales exactly the parameters that scale with it by r.
 */
public record ModelParameter(String name, Distribution prior, Bijector bijector, boolean scalesWithTarget) {
}
