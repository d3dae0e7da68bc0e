package dev.mmm.core.model;

import dev.mmm.core.numeric.Reductions;
import java.util.List;

/**
 * {@code sum_k coef[k] * basis[k][t]}: controls, Fourier seasonality, events and the
 * piecewise-linear trend are all linear in their coefficients over a basis fixed at compile time.
 */
public final class LinearTerm implements Term {

    private final String name;
    private final int[] coefficientIndex;
    private final double[][] basis;
    private final List<String> contributionNames;
    private final boolean reportEachColumn;

    /**
     * @param coefficientIndex index in theta of each coefficient
     * @param basis            basis[k][t], one row per coefficient
     * @param columnNames      contribution name per column (reported separately when
     *                         {@code reportEachColumn}), else the term reports one series named {@code name}
     */
    public LinearTerm(String name, int[] coefficientIndex, double[][] basis, List<String> columnNames,
                      boolean reportEachColumn) {
        if (coefficientIndex.length != basis.length) {
            throw new IllegalArgumentException(name + ": " + coefficientIndex.length + " coefficients but "
                    + basis.length + " basis columns");
        }
        this.name = name;
        this.coefficientIndex = coefficientIndex.clone();
        this.basis = basis;
        this.reportEachColumn = reportEachColumn;
        this.contributionNames = reportEachColumn ? List.copyOf(columnNames) : List.of(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void addForward(double[] theta, double[] mu) {
        for (int k = 0; k < basis.length; k++) {
            double coef = theta[coefficientIndex[k]];
            double[] column = basis[k];
            for (int t = 0; t < mu.length; t++) {
                mu[t] += coef * column[t];
            }
        }
    }

    @Override
    public void addReverse(double[] theta, double[] dMu, double[] dTheta) {
        for (int k = 0; k < basis.length; k++) {
            dTheta[coefficientIndex[k]] += Reductions.dot(dMu, basis[k], dMu.length);
        }
    }

    @Override
    public List<String> contributionNames() {
        return contributionNames;
    }

    @Override
    public void contributions(double[] theta, double[][] out) {
        for (double[] row : out) {
            java.util.Arrays.fill(row, 0.0);
        }
        for (int k = 0; k < basis.length; k++) {
            double[] target = out[reportEachColumn ? k : 0];
            double coef = theta[coefficientIndex[k]];
            for (int t = 0; t < target.length; t++) {
                target[t] += coef * basis[k][t];
            }
        }
    }

    /** Stateless on the hot path, so it is its own copy. */
    @Override
    public Term copy() {
        return this;
    }

    /** The basis column k (a copy). */
    public double[] basisColumn(int k) {
        return basis[k].clone();
    }
}
