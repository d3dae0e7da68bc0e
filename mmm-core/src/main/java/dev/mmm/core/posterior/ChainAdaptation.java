package dev.mmm.core.posterior;

/**
 * What one chain's warm-up learnt, as plain values that can be saved and handed back to the
 * sampler for a warm start: its step size, its inverse metric and where it ended.
 *
 * @param chain                 chain index
 * @param stepSize              adapted step size
 * @param inverseMetricDiagonal diagonal of the adapted inverse metric (unconstrained coordinates)
 * @param lastPosition          the chain's last unconstrained position (empty if it made no draw)
 */
public record ChainAdaptation(int chain, double stepSize, double[] inverseMetricDiagonal, double[] lastPosition) {

    public ChainAdaptation {
        inverseMetricDiagonal = inverseMetricDiagonal.clone();
        lastPosition = lastPosition.clone();
    }

    @Override
    public double[] inverseMetricDiagonal() {
        return inverseMetricDiagonal.clone();
    }

    @Override
    public double[] lastPosition() {
        return lastPosition.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChainAdaptation a && a.chain == chain
                && Double.doubleToRawLongBits(a.stepSize) == Double.doubleToRawLongBits(stepSize)
                && java.util.Arrays.equals(a.inverseMetricDiagonal, inverseMetricDiagonal)
                && java.util.Arrays.equals(a.lastPosition, lastPosition);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(chain, stepSize, java.util.Arrays.hashCode(inverseMetricDiagonal),
                java.util.Arrays.hashCode(lastPosition));
    }
}
