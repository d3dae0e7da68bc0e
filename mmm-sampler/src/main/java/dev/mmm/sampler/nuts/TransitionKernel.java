package dev.mmm.sampler.nuts;

/** One Markov transition from {@code state} to a new state, written back into {@code state}. */
public interface TransitionKernel {

    /**
     * @param state    current position, gradient and log density (its momentum is ignored);
     *                 overwritten with the new state
     * @param stepSize leapfrog step size
     * @param info     overwritten with what the transition did
     */
    void transition(PhasePoint state, double stepSize, TransitionInfo info);
}
