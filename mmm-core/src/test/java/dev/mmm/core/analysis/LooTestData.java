package dev.mmm.core.analysis;

import java.util.SplittableRandom;

/**
 * Pointwise log-likelihood matrices of a normal model {@code y_i ~ N(mu, sigma)} for the PSIS-LOO
 * tests: independent or AR(1)-autocorrelated draws of {@code mu} and {@code log sigma}, and data
 * that may hold outliers (which give heavy-tailed importance ratios, hence large Pareto k).
 */
final class LooTestData {

    private LooTestData() {
    }

    /** {@code n} standard-normal observations with {@code outliers} appended at 6, 9, 12, ... */
    static double[] data(SplittableRandom random, int n, int outliers) {
        double[] y = new double[n + outliers];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextGaussian();
        }
        for (int j = 0; j < outliers; j++) {
            y[n + j] = 6 + 3 * j;
        }
        return y;
    }

    /**
     * Log-likelihood {@code [draw][observation]} for {@code chains} chains of {@code perChain}
     * draws, stored chain after chain, of {@code mu ~ N(muCentre, muSd)} and
     * {@code log sigma ~ N(0, logSigmaSd)}, each an AR(1) series with coefficient {@code phi}
     * (0 for independent draws) and the stated stationary spread.
     */
    static double[][] normalLogLik(SplittableRandom random, double[] y, int chains, int perChain,
                                   double muCentre, double muSd, double logSigmaSd, double phi) {
        int draws = chains * perChain;
        double[][] logLik = new double[draws][y.length];
        double innovation = Math.sqrt(1 - phi * phi);
        for (int c = 0; c < chains; c++) {
            double zMu = random.nextGaussian();
            double zSigma = random.nextGaussian();
            for (int s = 0; s < perChain; s++) {
                if (s > 0) {
                    zMu = phi * zMu + innovation * random.nextGaussian();
                    zSigma = phi * zSigma + innovation * random.nextGaussian();
                }
                double mu = muCentre + muSd * zMu;
                double sigma = Math.exp(logSigmaSd * zSigma);
                for (int i = 0; i < y.length; i++) {
                    logLik[c * perChain + s][i] = normalLogDensity(y[i], mu, sigma);
                }
            }
        }
        return logLik;
    }

    static double normalLogDensity(double y, double mean, double sd) {
        double z = (y - mean) / sd;
        return -0.5 * z * z - Math.log(sd) - 0.5 * Math.log(2 * Math.PI);
    }

    static double mean(double[] y) {
        double s = 0;
        for (double v : y) {
            s += v;
        }
        return s / y.length;
    }
}
