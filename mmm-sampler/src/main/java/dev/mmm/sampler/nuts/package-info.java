/**
 * Hamiltonian transitions: {@link dev.mmm.sampler.nuts.PhasePoint} (state with cached
 * gradient, velocity and energy), {@link dev.mmm.sampler.nuts.LeapfrogIntegrator},
 * {@link dev.mmm.sampler.nuts.NutsKernel} (Stan's multinomial NUTS with the extra U-turn
 * checks), {@link dev.mmm.sampler.nuts.StaticHmcKernel}, and Stan's initial step-size search
 * {@link dev.mmm.sampler.nuts.StepSizeSearch}. Kernels take the step size as an argument and
 * write a {@link dev.mmm.sampler.nuts.TransitionInfo}; all state is preallocated, so a
 * transition allocates nothing.
 */
package dev.mmm.sampler.nuts;
