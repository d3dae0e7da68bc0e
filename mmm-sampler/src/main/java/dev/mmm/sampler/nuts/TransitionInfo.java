package dev.mmm.sampler.nuts;

/** What one transition did; a mutable record the kernel overwrites each time. */
public final class TransitionInfo {
    /** Doublings kept (Stan's treedepth__); 0 for static HMC. */
    public int treeDepth;
    public int leapfrogSteps;
    public boolean divergent;
    /** Hamiltonian at the selected point (Stan's energy__). */
    public double energy;
    /** Mean Metropolis acceptance over the trajectory (Stan's accept_stat__), which adaptation targets. */
    public double acceptance;
    public double stepSize;
}
