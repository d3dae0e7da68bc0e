package dev.mmm.core.model;

import dev.mmm.core.transform.Adstock;
import dev.mmm.core.transform.Saturation;
import dev.mmm.priors.Bijector;
import dev.mmm.priors.Distribution;
import dev.mmm.priors.Support;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Small independent stand-ins for priors, bijectors and transforms, so the model's own forward
 * and reverse passes are tested apart from the other modules.
 */
final class TestDoubles {

    private TestDoubles() {
    }

    /** Normal(mu, s) restricted to nothing: enough for the model's use (value and d/dx). */
    record NormalPrior(double mu, double s) implements Distribution {
        public String name() {
            return "TestNormal";
        }

        public LinkedHashMap<String, Double> parameters() {
            return new LinkedHashMap<>();
        }

        public Support support() {
            return Support.REAL;
        }

        public double logDensity(double x) {
            double z = (x - mu) / s;
            return -0.5 * z * z - Math.log(s) - 0.5 * Math.log(2 * Math.PI);
        }

        public double dLogDensity(double x) {
            return -(x - mu) / (s * s);
        }

        public void dLogDensityDParameters(double x, double[] out) {
            throw new UnsupportedOperationException();
        }

        public double cdf(double x) {
            throw new UnsupportedOperationException();
        }

        public double sample(UniformRandomProvider rng) {
            throw new UnsupportedOperationException();
        }

        public double mean() {
            return mu;
        }

        public double variance() {
            return s * s;
        }
    }

    static final Bijector IDENTITY = new Bijector() {
        public double toConstrained(double u) {
            return u;
        }

        public double toUnconstrained(double x) {
            return x;
        }

        public double dConstrainedDu(double u) {
            return 1;
        }

        public double logAbsJacobian(double u) {
            return 0;
        }

        public double dLogAbsJacobianDu(double u) {
            return 0;
        }
    };

    static final Bijector LOG = new Bijector() {
        public double toConstrained(double u) {
            return Math.exp(u);
        }

        public double toUnconstrained(double x) {
            return Math.log(x);
        }

        public double dConstrainedDu(double u) {
            return Math.exp(u);
        }

        public double logAbsJacobian(double u) {
            return u;
        }

        public double dLogAbsJacobianDu(double u) {
            return 1;
        }
    };

    static final Bijector LOGIT = new Bijector() {
        public double toConstrained(double u) {
            return 1 / (1 + Math.exp(-u));
        }

        public double toUnconstrained(double x) {
            return Math.log(x / (1 - x));
        }

        public double dConstrainedDu(double u) {
            double p = toConstrained(u);
            return p * (1 - p);
        }

        public double logAbsJacobian(double u) {
            double p = toConstrained(u);
            return Math.log(p) + Math.log1p(-p);
        }

        public double dLogAbsJacobianDu(double u) {
            return 1 - 2 * toConstrained(u);
        }
    };

    /** Normalised geometric adstock w_l = a^l / sum_j a^j. */
    record Geometric(int lMax) implements Adstock {
        public String name() {
            return "geometric";
        }

        public int weightCount() {
            return lMax;
        }

        public List<String> parameterNames() {
            return List.of("alpha");
        }

        public LinkedHashMap<String, Distribution> defaultPriors() {
            return new LinkedHashMap<>();
        }

        public void weights(double[] p, double[] w) {
            weightsAndJacobian(p, w, new double[1][lMax]);
        }

        public void weightsAndJacobian(double[] p, double[] w, double[][] dw) {
            double a = p[0];
            double s = 0;
            double ds = 0;
            for (int l = 0; l < lMax; l++) {
                s += Math.pow(a, l);
                ds += l == 0 ? 0 : l * Math.pow(a, l - 1);
            }
            for (int l = 0; l < lMax; l++) {
                double r = Math.pow(a, l);
                double dr = l == 0 ? 0 : l * Math.pow(a, l - 1);
                w[l] = r / s;
                dw[0][l] = (dr * s - r * ds) / (s * s);
            }
        }
    }

    /** Normalised delayed adstock w_l = a^((l - theta)^2) / sum; two parameters. */
    record Delayed(int lMax) implements Adstock {
        public String name() {
            return "delayed";
        }

        public int weightCount() {
            return lMax;
        }

        public List<String> parameterNames() {
            return List.of("alpha", "theta");
        }

        public LinkedHashMap<String, Distribution> defaultPriors() {
            return new LinkedHashMap<>();
        }

        public void weights(double[] p, double[] w) {
            weightsAndJacobian(p, w, new double[2][lMax]);
        }

        public void weightsAndJacobian(double[] p, double[] w, double[][] dw) {
            double la = Math.log(p[0]);
            double s = 0;
            double dsa = 0;
            double dst = 0;
            double[] r = new double[lMax];
            double[] dra = new double[lMax];
            double[] drt = new double[lMax];
            for (int l = 0; l < lMax; l++) {
                double d = l - p[1];
                r[l] = Math.exp(d * d * la);
                dra[l] = r[l] * d * d / p[0];
                drt[l] = r[l] * la * (-2 * d);
                s += r[l];
                dsa += dra[l];
                dst += drt[l];
            }
            for (int l = 0; l < lMax; l++) {
                w[l] = r[l] / s;
                dw[0][l] = (dra[l] * s - r[l] * dsa) / (s * s);
                dw[1][l] = (drt[l] * s - r[l] * dst) / (s * s);
            }
        }
    }

    /** f = tanh(lam x / 2). */
    static final class Logistic implements Saturation {
        public String name() {
            return "logistic";
        }

        public List<String> parameterNames() {
            return List.of("lam");
        }

        public LinkedHashMap<String, Distribution> defaultPriors() {
            return new LinkedHashMap<>();
        }

        public double value(double x, double[] p) {
            return Math.tanh(p[0] * x / 2);
        }

        public void evaluate(double[] p, double[] x, int n, double[] v, double[] dx, double[][] dp) {
            for (int t = 0; t < n; t++) {
                double f = Math.tanh(p[0] * x[t] / 2);
                v[t] = f;
                dx[t] = p[0] / 2 * (1 - f * f);
                dp[0][t] = x[t] / 2 * (1 - f * f);
            }
        }
    }

    /** f = x^s / (x^s + k^s), params (kappa, slope). */
    static final class Hill implements Saturation {
        public String name() {
            return "hill";
        }

        public List<String> parameterNames() {
            return List.of("kappa", "slope");
        }

        public LinkedHashMap<String, Distribution> defaultPriors() {
            return new LinkedHashMap<>();
        }

        public double value(double x, double[] p) {
            double xs = Math.pow(x, p[1]);
            return xs / (xs + Math.pow(p[0], p[1]));
        }

        public void evaluate(double[] p, double[] x, int n, double[] v, double[] dx, double[][] dp) {
            double k = p[0];
            double s = p[1];
            double ks = Math.pow(k, s);
            for (int t = 0; t < n; t++) {
                double xs = Math.pow(x[t], s);
                double den = xs + ks;
                double f = xs / den;
                v[t] = f;
                dx[t] = s * Math.pow(x[t], s - 1) * ks / (den * den);
                dp[0][t] = -s * Math.pow(k, s - 1) * xs / (den * den);
                dp[1][t] = f * (1 - f) * (Math.log(x[t]) - Math.log(k));
            }
        }
    }
}
