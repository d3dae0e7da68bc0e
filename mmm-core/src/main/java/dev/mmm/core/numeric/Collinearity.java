package dev.mmm.core.numeric;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Variance inflation factors: {@code VIF_j = 1 / (1 - R_j^2)}, where {@code R_j^2} is that of
 * column {@code j} regressed (with an intercept) on every other non-constant column. Shared by
 * the data validator's warnings and the input diagnostics of {@code core.analysis}.
 */
public final class Collinearity {

    /**
     * Residual sum of squares of a standardised column (total 1) at or below which it counts as
     * an exact linear combination of the others: VIF above 1e12 is rounding, not data.
     */
    public static final double EXACT_RESIDUAL = 1e-12;

    private Collinearity() {
    }

    /**
     * VIF of each column, all of one length: NaN for a constant column (it is collinear with the
     * intercept, which is not a column here) and for every column when there are not more rows
     * than non-constant columns; infinite for an exact linear combination of the others; 1 for
     * the only non-constant column.
     */
    public static double[] varianceInflationFactors(List<double[]> columns) {
        int count = columns.size();
        double[] vif = new double[count];
        List<Integer> used = new ArrayList<>();
        List<double[]> standardised = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            double[] v = columns.get(j);
            double mean = 0;
            for (double x : v) {
                mean += x;
            }
            mean /= v.length;
            double ss = 0;
            for (double x : v) {
                ss += (x - mean) * (x - mean);
            }
            if (ss == 0) {
                vif[j] = Double.NaN;
                continue;
            }
            double scale = Math.sqrt(ss);
            double[] z = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                z[i] = (v[i] - mean) / scale;
            }
            used.add(j);
            standardised.add(z);
        }
        int p = used.size();
        if (p == 0) {
            return vif;
        }
        int n = columns.get(used.get(0)).length;
        if (p == 1) {
            vif[used.get(0)] = 1;
            return vif;
        }
        if (n <= p) {
            for (int j : used) {
                vif[j] = Double.NaN;
            }
            return vif;
        }
        for (int j = 0; j < p; j++) {
            DMatrixRMaj a = new DMatrixRMaj(n, p - 1);
            DMatrixRMaj b = new DMatrixRMaj(n, 1);
            for (int i = 0; i < n; i++) {
                b.set(i, 0, standardised.get(j)[i]);
                int col = 0;
                for (int k = 0; k < p; k++) {
                    if (k != j) {
                        a.set(i, col++, standardised.get(k)[i]);
                    }
                }
            }
            // Pseudo-inverse: exact collinearity must give R^2 = 1, not a solver failure.
            LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.pseudoInverse(true);
            DMatrixRMaj coef = new DMatrixRMaj(p - 1, 1);
            if (!solver.setA(a)) {
                vif[used.get(j)] = Double.NaN;
                continue;
            }
            solver.solve(b, coef);
            double rss = 0;
            for (int i = 0; i < n; i++) {
                double fitted = 0;
                for (int k = 0; k < p - 1; k++) {
                    fitted += a.get(i, k) * coef.get(k, 0);
                }
                double r = b.get(i, 0) - fitted;
                rss += r * r;
            }
            // Standardised (centred) columns have total sum of squares 1, so R^2 = 1 - rss.
            vif[used.get(j)] = rss <= EXACT_RESIDUAL ? Double.POSITIVE_INFINITY : 1.0 / rss;
        }
        return vif;
    }
}
