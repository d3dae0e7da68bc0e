package dev.mmm.sampler;

import java.util.Arrays;

/**
 * What one chain's warm-up learnt, as {@link SamplingResult#adaptation()} gives it and a
 * {@link WarmStart} takes it back: the adapted step size, the inverse metric and the chain's
 * last position. Arrays are copied in and out, so a state cannot be changed once made.
 *
 * @param stepSize              the step size sampling used
 * @param inverseMetricDiagonal the diagonal of the inverse metric M⁻¹ (for every metric, dense too)
 * @param inverseMetricDense    the whole M⁻¹, row by row, for {@link Metric#DENSE}; null otherwise
 * @param position              the chain's last unconstrained position
 */
public record AdaptedState(double stepSize, double[] inverseMetricDiagonal, double[][] inverseMetricDense,
                           double[] position) {

    /** Copies the arrays; their values are checked where they are used ({@link Sampler}). */
    public AdaptedState {
        inverseMetricDiagonal = inverseMetricDiagonal == null ? null : inverseMetricDiagonal.clone();
        inverseMetricDense = copy(inverseMetricDense);
        position = position == null ? null : position.clone();
    }

    @Override
    public double[] inverseMetricDiagonal() {
        return inverseMetricDiagonal == null ? null : inverseMetricDiagonal.clone();
    }

    @Override
    public double[][] inverseMetricDense() {
        return copy(inverseMetricDense);
    }

    @Override
    public double[] position() {
        return position == null ? null : position.clone();
    }

    /** Whether the state carries a whole inverse metric. */
    public boolean dense() {
        return inverseMetricDense != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdaptedState other && Double.compare(stepSize, other.stepSize) == 0
                && Arrays.equals(inverseMetricDiagonal, other.inverseMetricDiagonal)
                && Arrays.deepEquals(inverseMetricDense, other.inverseMetricDense)
                && Arrays.equals(position, other.position);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Double.hashCode(stepSize) + Arrays.hashCode(inverseMetricDiagonal))
                + Arrays.deepHashCode(inverseMetricDense)) + Arrays.hashCode(position);
    }

    @Override
    public String toString() {
        return "AdaptedState{stepSize=" + stepSize + ", inverseMetricDiagonal=" + Arrays.toString(inverseMetricDiagonal)
                + (inverseMetricDense == null ? "" : ", inverseMetricDense=" + Arrays.deepToString(inverseMetricDense))
                + ", position=" + Arrays.toString(position) + "}";
    }

    private static double[][] copy(double[][] matrix) {
        if (matrix == null) {
            return null;
        }
        double[][] out = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            out[i] = matrix[i] == null ? null : matrix[i].clone();
        }
        return out;
    }
}
