package dev.mmm.sampler.metric;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * A dense metric given by M⁻¹ (a covariance). Momentum is drawn through the Cholesky factor
 * L of M⁻¹ = LLᵀ as p = L⁻ᵀz, whose covariance is (LLᵀ)⁻¹ = M, as in Stan's dense_e_metric.
 */
public final class DenseMetric implements EuclideanMetric {
    private final int dimension;
    // Row-major copies: the hot loops index plain arrays rather than going through EJML.
    private final double[] inverse;
    private final double[] choleskyLower;
    private final double[] standardNormals;
    private final DMatrixRMaj work;
    private final CholeskyDecomposition_F64<DMatrixRMaj> cholesky;

    /** The unit metric. */
    public DenseMetric(int dimension) {
        this.dimension = dimension;
        this.inverse = new double[dimension * dimension];
        this.choleskyLower = new double[dimension * dimension];
        this.standardNormals = new double[dimension];
        this.work = new DMatrixRMaj(dimension, dimension);
        this.cholesky = DecompositionFactory_DDRM.chol(dimension, true);
        for (int i = 0; i < dimension; i++) {
            inverse[i * dimension + i] = 1.0;
            choleskyLower[i * dimension + i] = 1.0;
        }
    }

    /**
     * Replaces M⁻¹ with a symmetric positive-definite matrix.
     *
     * @throws IllegalArgumentException if it is not square of the right size, not finite, or
     *     not positive definite
     */
    public void setInverse(DMatrixRMaj inverseMetric) {
        if (inverseMetric.numRows != dimension || inverseMetric.numCols != dimension) {
            throw new IllegalArgumentException("inverse metric is " + inverseMetric.numRows + "x"
                    + inverseMetric.numCols + ", expected " + dimension + "x" + dimension);
        }
        for (int k = 0; k < dimension * dimension; k++) {
            if (!Double.isFinite(inverseMetric.data[k])) {
                throw new IllegalArgumentException("inverse metric entry (" + k / dimension + ", " + k % dimension
                        + ") is not finite: " + inverseMetric.data[k]);
            }
        }
        work.setTo(inverseMetric);
        if (!cholesky.decompose(work)) {
            throw new IllegalArgumentException("inverse metric is not positive definite");
        }
        DMatrixRMaj lower = cholesky.getT(null);
        for (int i = 0; i < dimension; i++) {
            for (int j = 0; j < dimension; j++) {
                choleskyLower[i * dimension + j] = j <= i ? lower.get(i, j) : 0.0;
                inverse[i * dimension + j] = inverseMetric.get(i, j);
            }
        }
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public void sampleMomentum(NormalizedGaussianSampler standardNormal, double[] momentum) {
        for (int i = 0; i < dimension; i++) {
            standardNormals[i] = standardNormal.sample();
        }
        // Back-substitution for Lᵀp = z; (Lᵀ)[i][j] = L[j][i].
        for (int i = dimension - 1; i >= 0; i--) {
            double sum = standardNormals[i];
            for (int j = i + 1; j < dimension; j++) {
                sum -= choleskyLower[j * dimension + i] * momentum[j];
            }
            momentum[i] = sum / choleskyLower[i * dimension + i];
        }
    }

    @Override
    public void multiplyInverse(double[] momentum, double[] out) {
        for (int i = 0; i < dimension; i++) {
            double sum = 0;
            int row = i * dimension;
            for (int j = 0; j < dimension; j++) {
                sum += inverse[row + j] * momentum[j];
            }
            out[i] = sum;
        }
    }

    @Override
    public void inverseDiagonal(double[] out) {
        for (int i = 0; i < dimension; i++) {
            out[i] = inverse[i * dimension + i];
        }
    }

    /** Writes M⁻¹ into {@code out} (dimension x dimension). */
    public void inverse(DMatrixRMaj out) {
        out.reshape(dimension, dimension);
        System.arraycopy(inverse, 0, out.data, 0, dimension * dimension);
    }
}
