package dev.mmm.sampler.nuts;

/**
 * A point in phase space with everything the trajectory needs cached: position, momentum,
 * log density and its gradient, the velocity M⁻¹p, and the Hamiltonian. Mutable and reused.
 */
public final class PhasePoint {
    public final double[] position;
    public final double[] momentum;
    public final double[] gradient;
    /** M⁻¹p at the current momentum. */
    public final double[] velocity;
    public double logDensity;
    /** H = −log p(q) + ½ pᵀM⁻¹p; +∞ when the log density is NaN or −∞. */
    public double energy;

    public PhasePoint(int dimension) {
        position = new double[dimension];
        momentum = new double[dimension];
        gradient = new double[dimension];
        velocity = new double[dimension];
    }

    public int dimension() {
        return position.length;
    }

    /** Copies every field of {@code other}. */
    public void copyFrom(PhasePoint other) {
        int n = position.length;
        System.arraycopy(other.position, 0, position, 0, n);
        System.arraycopy(other.momentum, 0, momentum, 0, n);
        System.arraycopy(other.gradient, 0, gradient, 0, n);
        System.arraycopy(other.velocity, 0, velocity, 0, n);
        logDensity = other.logDensity;
        energy = other.energy;
    }

    /**
     * Copies what a proposal needs (position, gradient, log density, energy), not the
     * momentum: a sample's momentum is redrawn at the next transition.
     */
    public void copyStateFrom(PhasePoint other) {
        int n = position.length;
        System.arraycopy(other.position, 0, position, 0, n);
        System.arraycopy(other.gradient, 0, gradient, 0, n);
        logDensity = other.logDensity;
        energy = other.energy;
    }
}
