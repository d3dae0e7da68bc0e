package dev.mmm.sampler;

import java.util.Arrays;

/**
 * Enough of Vehtari et al. (2021) to check the sampler: split-chain ESS with Geyer's initial
 * monotone sequence (stan-dev/posterior's ess_mean), split R-hat on values and on folded
 * values, and MCSE of the mean and the sd. No rank normalisation: targets here are Gaussian.
 */
public final class CrudeDiagnostics {

    private CrudeDiagnostics() {
    }

    /** Coordinate {@code dim} of every completed draw, [chain][draw]. */
    public static double[][] coordinate(SamplingResult result, int dim) {
        double[][][] positions = result.positions();
        double[][] out = new double[positions.length][];
        for (int c = 0; c < positions.length; c++) {
            out[c] = new double[positions[c].length];
            for (int d = 0; d < positions[c].length; d++) {
                out[c][d] = positions[c][d][dim];
            }
        }
        return out;
    }

    static double[][] split(double[][] chains) {
        int n = chains[0].length / 2;
        double[][] out = new double[chains.length * 2][];
        for (int c = 0; c < chains.length; c++) {
            int len = chains[c].length;
            out[2 * c] = Arrays.copyOfRange(chains[c], 0, n);
            out[2 * c + 1] = Arrays.copyOfRange(chains[c], len - n, len);
        }
        return out;
    }

    public static double mean(double[][] chains) {
        double s = 0;
        int count = 0;
        for (double[] c : chains) {
            for (double v : c) {
                s += v;
                count++;
            }
        }
        return s / count;
    }

    public static double sd(double[][] chains) {
        double m = mean(chains);
        double s = 0;
        int count = 0;
        for (double[] c : chains) {
            for (double v : c) {
                s += (v - m) * (v - m);
                count++;
            }
        }
        return Math.sqrt(s / (count - 1));
    }

    /** ESS of the mean from split chains (posterior::ess_mean). */
    public static double ess(double[][] chains) {
        double[][] x = split(chains);
        int m = x.length;
        int n = x[0].length;
        double[] chainMeans = new double[m];
        for (int c = 0; c < m; c++) {
            double s = 0;
            for (double v : x[c]) {
                s += v;
            }
            chainMeans[c] = s / n;
        }
        double acov0 = acovMean(x, chainMeans, 0);
        double meanVar = acov0 * n / (n - 1.0);
        double varPlus = meanVar * (n - 1.0) / n;
        if (m > 1) {
            varPlus += variance(chainMeans);
        }
        double[] rho = new double[n];
        rho[0] = 1;
        double rhoEven = 1;
        double rhoOdd = 1 - (meanVar - acovMean(x, chainMeans, 1)) / varPlus;
        rho[1] = rhoOdd;
        int t = 0;
        while (t < n - 5 && !Double.isNaN(rhoEven + rhoOdd) && rhoEven + rhoOdd > 0) {
            t += 2;
            rhoEven = 1 - (meanVar - acovMean(x, chainMeans, t)) / varPlus;
            rhoOdd = 1 - (meanVar - acovMean(x, chainMeans, t + 1)) / varPlus;
            if (rhoEven + rhoOdd >= 0) {
                rho[t] = rhoEven;
                rho[t + 1] = rhoOdd;
            }
        }
        int maxT = t;
        if (rhoEven > 0) {
            rho[maxT] = rhoEven;
        }
        t = 0;
        while (t <= maxT - 4) {
            t += 2;
            if (rho[t] + rho[t + 1] > rho[t - 2] + rho[t - 1]) {
                rho[t] = (rho[t - 2] + rho[t - 1]) / 2;
                rho[t + 1] = rho[t];
            }
        }
        double sum = 0;
        for (int k = 0; k < maxT; k++) {
            sum += rho[k];
        }
        double total = (double) m * n;
        double tau = -1 + 2 * sum + rho[maxT];
        tau = Math.max(tau, 1 / Math.log10(total));
        return total / tau;
    }

    private static double acovMean(double[][] x, double[] chainMeans, int lag) {
        double total = 0;
        for (int c = 0; c < x.length; c++) {
            double[] y = x[c];
            int n = y.length;
            double s = 0;
            for (int i = 0; i + lag < n; i++) {
                s += (y[i] - chainMeans[c]) * (y[i + lag] - chainMeans[c]);
            }
            total += s / n;
        }
        return total / x.length;
    }

    private static double variance(double[] v) {
        double m = 0;
        for (double d : v) {
            m += d;
        }
        m /= v.length;
        double s = 0;
        for (double d : v) {
            s += (d - m) * (d - m);
        }
        return s / (v.length - 1);
    }

    /** Split R-hat, the larger of the one on values and the one on |x − median|. */
    public static double rhat(double[][] chains) {
        double[] all = Arrays.stream(chains).flatMapToDouble(Arrays::stream).sorted().toArray();
        double median = all.length % 2 == 1 ? all[all.length / 2]
                : 0.5 * (all[all.length / 2 - 1] + all[all.length / 2]);
        double[][] folded = new double[chains.length][];
        for (int c = 0; c < chains.length; c++) {
            folded[c] = new double[chains[c].length];
            for (int d = 0; d < chains[c].length; d++) {
                folded[c][d] = Math.abs(chains[c][d] - median);
            }
        }
        return Math.max(splitRhat(chains), splitRhat(folded));
    }

    static double splitRhat(double[][] chains) {
        double[][] x = split(chains);
        int n = x[0].length;
        double[] means = new double[x.length];
        double w = 0;
        for (int c = 0; c < x.length; c++) {
            double s = 0;
            for (double v : x[c]) {
                s += v;
            }
            means[c] = s / n;
            double ss = 0;
            for (double v : x[c]) {
                ss += (v - means[c]) * (v - means[c]);
            }
            w += ss / (n - 1);
        }
        w /= x.length;
        double b = n * variance(means);
        return Math.sqrt((b / w + n - 1) / n);
    }

    public static double mcseMean(double[][] chains) {
        return sd(chains) / Math.sqrt(ess(chains));
    }

    /** posterior::mcse_sd. */
    public static double mcseSd(double[][] chains) {
        double m = mean(chains);
        double[][] squared = new double[chains.length][];
        double e2 = 0;
        double e4 = 0;
        int count = 0;
        for (int c = 0; c < chains.length; c++) {
            squared[c] = new double[chains[c].length];
            for (int d = 0; d < chains[c].length; d++) {
                double centred = chains[c][d] - m;
                squared[c][d] = centred * centred;
                e2 += squared[c][d];
                e4 += squared[c][d] * squared[c][d];
                count++;
            }
        }
        e2 /= count;
        e4 /= count;
        double varVar = (e4 - e2 * e2) / ess(squared);
        return Math.sqrt(varVar / e2 / 4);
    }
}
