package dev.mmm.core.transform;

import java.util.Arrays;
import java.util.Objects;

/**
 * One channel's response {@code r[t]} to its input {@code x[0..n)}: adstock then saturation
 * ({@code r = f(sum_l w[l] x[t-l])}, the default) or saturation then adstock
 * ({@code r = sum_l w[l] f(x[t-l])}), with x = 0 before the first row. The channel
 * coefficient beta is not part of it.
 *
 * <p>{@link #forward} computes r and keeps what the reverse pass needs in a {@link Workspace};
 * {@link #backward} then contracts dr/d(parameters) and dr/dx with an upstream gradient
 * {@code g[t] = d(objective)/d r[t]}. Both are O(n * L) and allocate nothing: the workspace
 * is made once per chain (it is mutable, one per thread), the transform itself is immutable.
 *
 * <p>Where the saturation's slope is infinite at an input of exactly 0 (Hill with slope < 1,
 * root with alpha < 1) the reverse pass takes 0 * Infinity = 0 for factors that are
 * identically 0 nearby (zero spend over the window, a lag weight pinned at 0): exact, since
 * the response does not move there. Where the input does move, the gradient is the true
 * infinite one-sided derivative.
 */
public final class ChannelTransform {

    /** Which transform sees the raw input first. */
    public enum Order { ADSTOCK_FIRST, SATURATION_FIRST }

    private final Adstock adstock;
    private final Saturation saturation;
    private final Order order;
    private final int weightCount;
    private final int adstockParameterCount;
    private final int saturationParameterCount;

    public ChannelTransform(Adstock adstock, Saturation saturation, Order order) {
        this.adstock = Objects.requireNonNull(adstock, "adstock");
        this.saturation = Objects.requireNonNull(saturation, "saturation");
        this.order = Objects.requireNonNull(order, "order");
        this.weightCount = adstock.weightCount();
        this.adstockParameterCount = adstock.parameterNames().size();
        this.saturationParameterCount = saturation.parameterNames().size();
    }

    public Adstock adstock() {
        return adstock;
    }

    public Saturation saturation() {
        return saturation;
    }

    public Order order() {
        return order;
    }

    /** Scratch for series of up to {@code maxRows} rows; one per thread. */
    public Workspace newWorkspace(int maxRows) {
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must be >= 0, got " + maxRows);
        }
        return new Workspace(this, maxRows);
    }

    /**
     * Writes the response for rows {@code 0..n)} into {@code response} (which must not be
     * {@code x}) and keeps the weights, their Jacobian and the saturation's derivatives in
     * {@code ws} for {@link #backward}. Parameter arrays are in the order of
     * {@code parameterNames()} of the adstock and the saturation. {@code x} is held by
     * reference until the next forward call and must not change in between.
     */
    public void forward(double[] adstockParams, double[] saturationParams, double[] x, int n,
                        double[] response, Workspace ws) {
        checkWorkspace(ws, n);
        adstock.weightsAndJacobian(adstockParams, ws.weights, ws.weightJacobian);
        ws.x = x;
        ws.n = n;
        if (order == Order.ADSTOCK_FIRST) {
            convolve(ws.weights, weightCount, x, n, ws.inner);
            saturation.evaluate(saturationParams, ws.inner, n, ws.saturated, ws.saturationDx, ws.saturationDParams);
            System.arraycopy(ws.saturated, 0, response, 0, n);
        } else {
            saturation.evaluate(saturationParams, x, n, ws.saturated, ws.saturationDx, ws.saturationDParams);
            convolve(ws.weights, weightCount, ws.saturated, n, response);
        }
    }

    /**
     * Reverse pass of the last {@link #forward} on {@code ws}: writes
     * {@code sum_t g[t] dr[t]/d theta_j} into {@code adstockGradient[j]} and
     * {@code saturationGradient[j]} (overwriting, not adding), and, if {@code xGradient} is not
     * null, {@code sum_t g[t] dr[t]/dx[s]} into {@code xGradient[s]} for {@code s < n}.
     */
    public void backward(double[] g, Workspace ws, double[] adstockGradient, double[] saturationGradient,
                         double[] xGradient) {
        if (ws.owner != this || ws.x == null) {
            throw new IllegalStateException("backward needs a forward call on a workspace of this transform first");
        }
        if (order == Order.ADSTOCK_FIRST) {
            backwardAdstockFirst(g, ws, adstockGradient, saturationGradient, xGradient);
        } else {
            backwardSaturationFirst(g, ws, adstockGradient, saturationGradient, xGradient);
        }
    }

    private void backwardAdstockFirst(double[] g, Workspace ws, double[] adstockGradient,
                                      double[] saturationGradient, double[] xGradient) {
        int n = ws.n;
        double[] x = ws.x;
        double[] w = ws.weights;
        double[] h = ws.adjoint;
        contract(g, ws.saturationDParams, saturationParameterCount, n, saturationGradient);
        // h[t] = g[t] * f'(a[t]): the upstream gradient at the adstocked input.
        boolean infinite = false;
        double[] dx = ws.saturationDx;
        for (int t = 0; t < n; t++) {
            double gt = g[t];
            double ht = gt == 0.0 ? 0.0 : gt * dx[t];
            h[t] = ht;
            infinite |= Double.isInfinite(ht);
        }
        double[] gw = ws.weightGradient;
        if (infinite) {
            for (int l = 0; l < weightCount; l++) {
                double sum = 0.0;
                for (int t = l; t < n; t++) {
                    double ht = h[t];
                    // Infinite slopes are handled row by row below.
                    if (!Double.isInfinite(ht)) {
                        sum += ht * x[t - l];
                    }
                }
                gw[l] = sum;
            }
        } else {
            lagSums(h, x, n, weightCount, gw);
        }
        contract(gw, ws.weightJacobian, adstockParameterCount, weightCount, adstockGradient);
        if (infinite) {
            addInfiniteSlopeRows(h, x, n, ws.weightJacobian, adstockGradient);
        }
        if (xGradient != null) {
            correlate(w, weightCount, h, n, xGradient, infinite);
        }
    }

    private void backwardSaturationFirst(double[] g, Workspace ws, double[] adstockGradient,
                                         double[] saturationGradient, double[] xGradient) {
        int n = ws.n;
        double[] s = ws.saturated;
        double[] gw = ws.weightGradient;
        lagSums(g, s, n, weightCount, gw);
        contract(gw, ws.weightJacobian, adstockParameterCount, weightCount, adstockGradient);
        // u[t] = sum_l w[l] g[t+l]: the upstream gradient at the saturated input.
        double[] u = ws.adjoint;
        correlate(ws.weights, weightCount, g, n, u, false);
        contract(u, ws.saturationDParams, saturationParameterCount, n, saturationGradient);
        if (xGradient != null) {
            double[] dx = ws.saturationDx;
            for (int t = 0; t < n; t++) {
                double ut = u[t];
                xGradient[t] = ut == 0.0 ? 0.0 : ut * dx[t];
            }
        }
    }

    /**
     * Rows where the saturation slope is infinite (adstocked input exactly 0): the term is
     * h[t] * d a[t] / d theta_j, left out when d a[t] / d theta_j = 0 (a[t] is then locally
     * constant, e.g. zero spend over the window, or spend only on a lag whose weight is
     * identically 0), and +-Infinity otherwise, which is the true one-sided derivative.
     */
    private void addInfiniteSlopeRows(double[] h, double[] x, int n, double[][] dw, double[] adstockGradient) {
        for (int t = 0; t < n; t++) {
            double ht = h[t];
            if (!Double.isInfinite(ht)) {
                continue;
            }
            int last = Math.min(weightCount - 1, t);
            for (int j = 0; j < adstockParameterCount; j++) {
                double[] row = dw[j];
                double inner = 0.0;
                for (int l = 0; l <= last; l++) {
                    inner += row[l] * x[t - l];
                }
                if (inner != 0.0) {
                    adstockGradient[j] += ht * inner;
                }
            }
        }
    }

    /** out[j] = sum_{i < len} v[i] * rows[j][i] for j < count. */
    private static void contract(double[] v, double[][] rows, int count, int len, double[] out) {
        for (int j = 0; j < count; j++) {
            double[] row = rows[j];
            double sum = 0.0;
            for (int i = 0; i < len; i++) {
                sum += v[i] * row[i];
            }
            out[j] = sum;
        }
    }

    /**
     * {@code out[l] = sum_{l <= t < n} g[t] * x[t-l]} for {@code l < count}, each sum in
     * ascending t. Four lags share one pass over t so that four independent accumulators hide
     * the latency of the floating-point add (one running sum per lag is latency-bound) and
     * g[t] is loaded once for all four.
     */
    static void lagSums(double[] g, double[] x, int n, int count, double[] out) {
        int l = 0;
        for (; l + 3 < count; l += 4) {
            double s0 = 0.0;
            double s1 = 0.0;
            double s2 = 0.0;
            double s3 = 0.0;
            int head = Math.min(l + 3, n);
            for (int t = l; t < head; t++) {
                double gt = g[t];
                s0 += gt * x[t - l];
                if (t >= l + 1) {
                    s1 += gt * x[t - l - 1];
                }
                if (t >= l + 2) {
                    s2 += gt * x[t - l - 2];
                }
            }
            for (int t = l + 3; t < n; t++) {
                double gt = g[t];
                s0 += gt * x[t - l];
                s1 += gt * x[t - l - 1];
                s2 += gt * x[t - l - 2];
                s3 += gt * x[t - l - 3];
            }
            out[l] = s0;
            out[l + 1] = s1;
            out[l + 2] = s2;
            out[l + 3] = s3;
        }
        for (; l < count; l++) {
            double sum = 0.0;
            for (int t = l; t < n; t++) {
                sum += g[t] * x[t - l];
            }
            out[l] = sum;
        }
    }

    /**
     * The adjoint of {@link #convolve}: {@code out[s] = sum_{l < count, s+l < n} w[l] * h[s+l]};
     * with {@code skipZeroWeights}, lags with w[l] = 0 are left out (0 * Infinity = 0).
     * Lags outer, rows inner: the inner loop has no carried dependency and vectorises; each
     * out[s] still sums its terms in ascending l.
     */
    private static void correlate(double[] w, int count, double[] h, int n, double[] out, boolean skipZeroWeights) {
        Arrays.fill(out, 0, n, 0.0);
        int lags = Math.min(count, n);
        for (int l = 0; l < lags; l++) {
            double wl = w[l];
            if (skipZeroWeights && wl == 0.0) {
                continue;
            }
            int rows = n - l;
            for (int s = 0; s < rows; s++) {
                out[s] += wl * h[s + l];
            }
        }
    }

    /**
     * The adstock convolution {@code out[t] = sum_{l < count, l <= t} w[l] * x[t-l]} for
     * {@code t < n}, x = 0 before row 0. {@code out} must not be {@code x}. Lags outer, rows
     * inner (vectorisable); each out[t] still sums its terms in ascending l.
     */
    public static void convolve(double[] w, int count, double[] x, int n, double[] out) {
        Arrays.fill(out, 0, n, 0.0);
        int lags = Math.min(count, n);
        for (int l = 0; l < lags; l++) {
            double wl = w[l];
            for (int t = l; t < n; t++) {
                out[t] += wl * x[t - l];
            }
        }
    }

    private void checkWorkspace(Workspace ws, int n) {
        if (ws.owner != this) {
            throw new IllegalArgumentException("workspace was made by a different ChannelTransform");
        }
        if (n < 0 || n > ws.maxRows) {
            throw new IllegalArgumentException("n = " + n + " rows does not fit a workspace of " + ws.maxRows + " rows");
        }
    }

    /** Mutable scratch owned by one thread; made by {@link ChannelTransform#newWorkspace}. */
    public static final class Workspace {
        private final ChannelTransform owner;
        private final int maxRows;
        private final double[] weights;
        private final double[][] weightJacobian;
        private final double[] weightGradient;
        private final double[] inner;
        private final double[] saturated;
        private final double[] saturationDx;
        private final double[][] saturationDParams;
        private final double[] adjoint;
        private double[] x;
        private int n;

        private Workspace(ChannelTransform owner, int maxRows) {
            this.owner = owner;
            this.maxRows = maxRows;
            int count = owner.weightCount;
            weights = new double[count];
            weightJacobian = new double[owner.adstockParameterCount][count];
            weightGradient = new double[count];
            inner = new double[maxRows];
            saturated = new double[maxRows];
            saturationDx = new double[maxRows];
            saturationDParams = new double[owner.saturationParameterCount][maxRows];
            adjoint = new double[maxRows];
        }

        /** The lag weights of the last forward call (read-only view; do not modify). */
        public double[] weights() {
            return weights;
        }

        /**
         * The input the saturation saw in the last forward call, rows 0..n): the adstocked
         * series for {@link Order#ADSTOCK_FIRST}, x itself otherwise.
         */
        public double[] saturationInput() {
            return owner.order == Order.ADSTOCK_FIRST ? inner : x;
        }
    }
}
