package dev.mmm.sampler;

/**
 * A log density whose sampling coordinates are chosen once, during warm-up, from the chain's own
 * draws: the chain feeds it the draws of the warm-up's first two slow windows, then asks it to fix
 * its coordinates and maps its position into them. From then on, and throughout sampling, the
 * coordinates stay fixed, so the draws are exact MCMC for the same target (a fixed bijection with
 * unit Jacobian, whichever was chosen). Every position the sampler reports (draws and the final
 * adapted state) is mapped back to the canonical coordinates, the ones {@link #dimension()} and
 * the initial points refer to, so chains that chose differently report alike.
 *
 * <p>Each chain gets its own instance from {@link #copyForChain()}; the choice is per chain.
 */
public interface AdaptiveCoordinates extends LogDensity {

    /** Learns from one warm-up draw, in the current coordinates. */
    void learnCoordinates(double[] position);

    /**
     * Fixes the coordinates from what was learned and maps {@code position} (in the current
     * coordinates) into them in place; returns whether any coordinate changed.
     */
    boolean fixCoordinates(double[] position);

    /** Writes the canonical coordinates of {@code position} (in the current ones) into {@code out}. */
    void toCanonical(double[] position, double[] out);

    /** The current coordinates of {@code canonical} (the inverse of {@link #toCanonical}), into {@code out}. */
    void fromCanonical(double[] canonical, double[] out);

    @Override
    AdaptiveCoordinates copyForChain();
}
