package dev.mmm.core.model;

import dev.mmm.core.data.Dataset;
import java.util.List;

/**
 * MODEL.md's default model written out plainly (slow, allocating, no shared code with the model):
 * the value the compiled model must reproduce.
 */
final class ReferenceDefaultModel {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private ReferenceDefaultModel() {
    }

    static double normal(double x, double mu, double s) {
        return -0.5 * LOG_2PI - Math.log(s) - 0.5 * (x - mu) * (x - mu) / (s * s);
    }

    /**
     * Unconstrained parameters in MODEL.md order: intercept, alpha[c], lam[c], beta[c], gamma[k],
     * fourier (sin_1, cos_1, ...), sigma.
     */
    static double logPosterior(Dataset data, List<String> channels, List<String> controls, int fourierOrder, double[] u) {
        int n = data.rows();
        int c = channels.size();
        int k = controls.size();
        int i = 0;
        double lp = 0;
        double intercept = u[i++];
        lp += normal(intercept, 0, 2);
        double[] alpha = new double[c];
        double[] lam = new double[c];
        double[] beta = new double[c];
        for (int j = 0; j < c; j++) {
            double v = u[i++];
            alpha[j] = 1 / (1 + Math.exp(-v));
            // Beta(1, 3): 3 (1 - a)^2, plus the logit Jacobian a (1 - a)
            lp += Math.log(3) + 2 * Math.log(1 - alpha[j]) + Math.log(alpha[j]) + Math.log(1 - alpha[j]);
        }
        for (int j = 0; j < c; j++) {
            double v = u[i++];
            lam[j] = Math.exp(v);
            // Gamma(shape 3, rate 1): lam^2 e^-lam / 2, plus the log Jacobian v
            lp += 2 * Math.log(lam[j]) - lam[j] - Math.log(2) + v;
        }
        for (int j = 0; j < c; j++) {
            double v = u[i++];
            beta[j] = Math.exp(v);
            lp += Math.log(2) + normal(beta[j], 0, 2) + v;
        }
        double[] gamma = new double[k];
        for (int j = 0; j < k; j++) {
            gamma[j] = u[i++];
            lp += normal(gamma[j], 0, 2);
        }
        double[] fourier = new double[2 * fourierOrder];
        for (int j = 0; j < fourier.length; j++) {
            fourier[j] = u[i++];
            lp += -Math.log(2) - Math.abs(fourier[j]);
        }
        double sigmaU = u[i++];
        double sigma = Math.exp(sigmaU);
        lp += Math.log(2) + normal(sigma, 0, 2) + sigmaU;

        double[] y = data.column("y");
        double ymax = 0;
        for (double v : y) {
            ymax = Math.max(ymax, Math.abs(v));
        }
        double[] mu = new double[n];
        for (int t = 0; t < n; t++) {
            mu[t] = intercept;
        }
        for (int j = 0; j < c; j++) {
            double[] x = data.column(channels.get(j));
            double xmax = 0;
            for (double v : x) {
                xmax = Math.max(xmax, v);
            }
            double wsum = 0;
            for (int l = 0; l < 8; l++) {
                wsum += Math.pow(alpha[j], l);
            }
            for (int t = 0; t < n; t++) {
                double ad = 0;
                for (int l = 0; l < 8 && t - l >= 0; l++) {
                    ad += Math.pow(alpha[j], l) / wsum * x[t - l] / xmax;
                }
                double e = Math.exp(-lam[j] * ad);
                mu[t] += beta[j] * (1 - e) / (1 + e);
            }
        }
        for (int j = 0; j < k; j++) {
            double[] z = data.column(controls.get(j));
            for (int t = 0; t < n; t++) {
                mu[t] += gamma[j] * z[t];
            }
        }
        for (int t = 0; t < n; t++) {
            int doy = data.date(t).getDayOfYear();
            for (int m = 1; m <= fourierOrder; m++) {
                mu[t] += fourier[2 * m - 2] * Math.sin(2 * Math.PI * m * doy / 365.25)
                        + fourier[2 * m - 1] * Math.cos(2 * Math.PI * m * doy / 365.25);
            }
        }
        for (int t = 0; t < n; t++) {
            lp += normal(y[t] / ymax, mu[t], sigma);
        }
        return lp;
    }
}
