package dev.mmm.sampler.posteriordb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mmm.sampler.LogDensity;

/** Hand-written log densities (Stan's, constants dropped) of three posteriordb posteriors. */
final class PosteriordbModels {

    private PosteriordbModels() {
    }

    /** A density plus the map from an unconstrained draw to the reference's named quantities. */
    interface Model extends LogDensity {
        String[] names();

        void constrain(double[] unconstrained, double[] out);
    }

    static double[] doubles(JsonNode node) {
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asDouble();
        }
        return out;
    }

    /**
     * eight_schools_noncentered: (mu, log tau, theta_trans[1..8]); theta_trans ~ N(0,1),
     * mu ~ N(0,5), tau ~ half-Cauchy(0,5), y ~ N(mu + tau theta_trans, sigma).
     */
    static final class EightSchools implements Model {
        private final double[] y;
        private final double[] sigma;

        EightSchools(JsonNode data) {
            y = doubles(data.get("y"));
            sigma = doubles(data.get("sigma"));
        }

        @Override
        public int dimension() {
            return 2 + y.length;
        }

        @Override
        public double logDensityAndGradient(double[] q, double[] g) {
            double mu = q[0];
            double tau = Math.exp(q[1]);
            double lp = -0.5 * (mu / 5) * (mu / 5) - Math.log1p(tau * tau / 25) + q[1];
            double dMu = -mu / 25;
            double dTau = -(2 * tau / 25) / (1 + tau * tau / 25);
            for (int j = 0; j < y.length; j++) {
                double t = q[2 + j];
                double r = (y[j] - mu - tau * t) / sigma[j];
                lp += -0.5 * t * t - 0.5 * r * r;
                dMu += r / sigma[j];
                dTau += r * t / sigma[j];
                g[2 + j] = -t + r * tau / sigma[j];
            }
            g[0] = dMu;
            g[1] = dTau * tau + 1;
            return lp;
        }

        @Override
        public String[] names() {
            String[] names = new String[2 + y.length];
            names[0] = "mu";
            names[1] = "tau";
            for (int j = 0; j < y.length; j++) {
                names[2 + j] = "theta[" + (j + 1) + "]";
            }
            return names;
        }

        @Override
        public void constrain(double[] q, double[] out) {
            double tau = Math.exp(q[1]);
            out[0] = q[0];
            out[1] = tau;
            for (int j = 0; j < y.length; j++) {
                out[2 + j] = q[0] + tau * q[2 + j];
            }
        }
    }

    /** blr: (beta[1..D], log sigma); beta ~ N(0,10), sigma ~ half-N(0,10), y ~ N(X beta, sigma). */
    static final class BayesianLinearRegression implements Model {
        private final int n;
        private final int d;
        private final double[] x;
        private final double[] y;
        private final double[] residual;

        BayesianLinearRegression(JsonNode data) {
            n = data.get("N").asInt();
            d = data.get("D").asInt();
            y = doubles(data.get("y"));
            x = new double[n * d];
            for (int i = 0; i < n; i++) {
                double[] row = doubles(data.get("X").get(i));
                System.arraycopy(row, 0, x, i * d, d);
            }
            residual = new double[n];
        }

        private BayesianLinearRegression(BayesianLinearRegression other) {
            n = other.n;
            d = other.d;
            x = other.x;
            y = other.y;
            residual = new double[n];
        }

        @Override
        public int dimension() {
            return d + 1;
        }

        @Override
        public double logDensityAndGradient(double[] q, double[] g) {
            double sigma = Math.exp(q[d]);
            double sumSquares = 0;
            for (int i = 0; i < n; i++) {
                double fitted = 0;
                for (int k = 0; k < d; k++) {
                    fitted += x[i * d + k] * q[k];
                }
                residual[i] = y[i] - fitted;
                sumSquares += residual[i] * residual[i];
            }
            double lp = -0.5 * (sigma / 10) * (sigma / 10) + q[d] - n * q[d] - 0.5 * sumSquares / (sigma * sigma);
            for (int k = 0; k < d; k++) {
                lp -= 0.5 * (q[k] / 10) * (q[k] / 10);
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += residual[i] * x[i * d + k];
                }
                g[k] = -q[k] / 100 + s / (sigma * sigma);
            }
            g[d] = -sigma * sigma / 100 + 1 - n + sumSquares / (sigma * sigma);
            return lp;
        }

        @Override
        public LogDensity copyForChain() {
            return new BayesianLinearRegression(this);
        }

        @Override
        public String[] names() {
            String[] names = new String[d + 1];
            for (int k = 0; k < d; k++) {
                names[k] = "beta[" + (k + 1) + "]";
            }
            names[d] = "sigma";
            return names;
        }

        @Override
        public void constrain(double[] q, double[] out) {
            System.arraycopy(q, 0, out, 0, d);
            out[d] = Math.exp(q[d]);
        }
    }

    /** kidscore_momiq: (beta[1], beta[2], log sigma); flat beta, sigma ~ half-Cauchy(0, 2.5). */
    static final class KidIq implements Model {
        private final double[] score;
        private final double[] momIq;

        KidIq(JsonNode data) {
            score = doubles(data.get("kid_score"));
            momIq = doubles(data.get("mom_iq"));
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public double logDensityAndGradient(double[] q, double[] g) {
            double sigma = Math.exp(q[2]);
            double sumSquares = 0;
            double d0 = 0;
            double d1 = 0;
            for (int i = 0; i < score.length; i++) {
                double r = score[i] - q[0] - q[1] * momIq[i];
                sumSquares += r * r;
                d0 += r;
                d1 += r * momIq[i];
            }
            double s2 = sigma * sigma;
            int n = score.length;
            double lp = -Math.log1p(s2 / 6.25) + q[2] - n * q[2] - 0.5 * sumSquares / s2;
            g[0] = d0 / s2;
            g[1] = d1 / s2;
            g[2] = -(2 * s2 / 6.25) / (1 + s2 / 6.25) + 1 - n + sumSquares / s2;
            return lp;
        }

        @Override
        public String[] names() {
            return new String[] {"beta[1]", "beta[2]", "sigma"};
        }

        @Override
        public void constrain(double[] q, double[] out) {
            out[0] = q[0];
            out[1] = q[1];
            out[2] = Math.exp(q[2]);
        }
    }
}
