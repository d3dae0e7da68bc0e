package dev.mmm.core.transform;

import dev.mmm.core.numeric.Reductions;
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
        ws.response = response;
        if (order == Order.ADSTOCK_FIRST) {
            int lags = fillLagged(x, n, ws.lagged);
            combineLags(ws.weights, ws.lagged, lags, n, ws.inner);
            // Forward-mode derivatives of the adstocked input, da/d theta_j = conv(dw_j, x): one
            // vectorised convolution per adstock parameter (one or two) is cheaper than the
            // reverse-mode alternative, a serial lag sum per lag (eight of them).
            for (int j = 0; j < adstockParameterCount; j++) {
                combineLags(ws.weightJacobian[j], ws.lagged, lags, n, ws.innerDParams[j]);
            }
            saturation.evaluate(saturationParams, ws.inner, n, ws.saturated, ws.saturationDx, ws.saturationDParams);
            // The response's own Jacobian in the adstock parameters, df/d theta_j = f'(a) da/d theta_j,
            // so that the reverse pass is only dot products. Where f' is infinite (Hill, root at
            // a = 0) this may hold +-Infinity or NaN; backward then takes the careful path.
            double[] dx = ws.saturationDx;
            for (int j = 0; j < adstockParameterCount; j++) {
                double[] da = ws.innerDParams[j];
                double[] df = ws.responseDAdstock[j];
                for (int t = 0; t < n; t++) {
                    df[t] = dx[t] * da[t];
                }
            }
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
        backwardAndResponseDot(g, ws, adstockGradient, saturationGradient);
        if (xGradient != null) {
            inputGradient(g, ws, xGradient);
        }
    }

    /**
     * {@link #backward} without the input gradient, returning also {@code sum_t g[t] r[t]}: the
     * gradient of a coefficient that multiplies the response (a channel's beta), computed in the
     * same pass over the rows.
     */
    public double backwardAndResponseDot(double[] g, Workspace ws, double[] adstockGradient,
                                         double[] saturationGradient) {
        if (ws.owner != this || ws.x == null) {
            throw new IllegalStateException("backward needs a forward call on a workspace of this transform first");
        }
        if (order == Order.SATURATION_FIRST) {
            backwardSaturationFirst(g, ws, adstockGradient, saturationGradient);
            return Reductions.dot(g, ws.response, ws.n);
        }
        int n = ws.n;
        double[] dots = ws.dots;
        // Rows: the response, d f / d saturation parameters, d f / d adstock parameters.
        Reductions.dots(g, ws.jacobianRows, dots.length, n, dots);
        boolean finite = true;
        for (double d : dots) {
            finite &= Double.isFinite(d);
        }
        if (!finite) {
            carefulAdstockGradient(g, ws, dots);
        }
        System.arraycopy(dots, 1, saturationGradient, 0, saturationParameterCount);
        System.arraycopy(dots, 1 + saturationParameterCount, adstockGradient, 0, adstockParameterCount);
        return dots[0];
    }

    /**
     * The adstock parameters' gradient where some row has an infinite saturation slope (Hill,
     * root at an adstocked input of exactly 0) or a NaN upstream: a row counts only where
     * g[t] != 0 and a[t] moves with theta_j (da != 0), so 0 * Infinity is 0 for factors that are
     * identically 0 nearby; elsewhere the result is the true one-sided infinite derivative.
     */
    private void carefulAdstockGradient(double[] g, Workspace ws, double[] dots) {
        int n = ws.n;
        double[] dx = ws.saturationDx;
        for (int j = 0; j < adstockParameterCount; j++) {
            double[] da = ws.innerDParams[j];
            double sum = 0.0;
            for (int t = 0; t < n; t++) {
                double gt = g[t];
                double dat = da[t];
                if (gt != 0.0 && dat != 0.0) {
                    sum += gt * dx[t] * dat;
                } else if (Double.isNaN(gt) || Double.isNaN(dat)) {
                    sum += Double.NaN;
                }
            }
            dots[1 + saturationParameterCount + j] = sum;
        }
    }

    /** {@code xGradient[s] = sum_t g[t] dr[t]/dx[s]}, with the same 0 * Infinity rule. */
    private void inputGradient(double[] g, Workspace ws, double[] xGradient) {
        int n = ws.n;
        if (order == Order.SATURATION_FIRST) {
            double[] u = ws.adjoint;
            correlate(ws.weights, weightCount, g, n, u, false);
            double[] dx = ws.saturationDx;
            for (int t = 0; t < n; t++) {
                double ut = u[t];
                xGradient[t] = ut == 0.0 ? 0.0 : ut * dx[t];
            }
            return;
        }
        // h[t] = g[t] * f'(a[t]): the upstream gradient at the adstocked input.
        double[] h = ws.adjoint;
        double[] dx = ws.saturationDx;
        boolean infinite = false;
        for (int t = 0; t < n; t++) {
            double gt = g[t];
            double ht = gt == 0.0 ? 0.0 : gt * dx[t];
            h[t] = ht;
            infinite |= Double.isInfinite(ht);
        }
        correlate(ws.weights, weightCount, h, n, xGradient, infinite);
    }

    private void backwardSaturationFirst(double[] g, Workspace ws, double[] adstockGradient,
                                         double[] saturationGradient) {
        int n = ws.n;
        double[] s = ws.saturated;
        double[] gw = ws.weightGradient;
        lagSums(g, s, n, weightCount, gw);
        contract(gw, ws.weightJacobian, adstockParameterCount, weightCount, adstockGradient);
        // u[t] = sum_l w[l] g[t+l]: the upstream gradient at the saturated input.
        double[] u = ws.adjoint;
        correlate(ws.weights, weightCount, g, n, u, false);
        contract(u, ws.saturationDParams, saturationParameterCount, n, saturationGradient);
    }

    /** out[j] = sum_{i < len} v[i] * rows[j][i] for j < count. */
    private static void contract(double[] v, double[][] rows, int count, int len, double[] out) {
        for (int j = 0; j < count; j++) {
            out[j] = Reductions.dot(v, rows[j], len);
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
     * Writes the lagged copies {@code lagged[l][t] = x[t-l]} (0 for t < l) for
     * {@code l < min(lags available, n)} and returns that lag count. The convolution then reads
     * every array at the same index t: C2 (JDK 17) does not vectorise {@code out[t] += w * x[t-l]}
     * because it cannot rule out that out and x are one array, but it does vectorise
     * {@code out[t] += w * lagged[l][t]}. Copying is cheap next to the arithmetic it unlocks.
     */
    private static int fillLagged(double[] x, int n, double[][] lagged) {
        int lags = Math.min(lagged.length, n);
        for (int l = 0; l < lags; l++) {
            double[] row = lagged[l];
            Arrays.fill(row, 0, l, 0.0);
            System.arraycopy(x, 0, row, l, n - l);
        }
        return lags;
    }

    /**
     * {@code out[t] = sum_{l < lags} w[l] * lagged[l][t]} for t < n, each sum in ascending l
     * (so exactly what {@link #convolve} gives).
     */
    private static void combineLags(double[] w, double[][] lagged, int lags, int n, double[] out) {
        // Four lags per pass over t: each pass loads out[t] once for four multiply-adds (a pass
        // per lag is bound by its loads and stores of out). Written left to right, so out[t]
        // still adds its terms in ascending l.
        int l = 0;
        boolean first = true;
        for (; l + 3 < lags; l += 4) {
            double w0 = w[l];
            double w1 = w[l + 1];
            double w2 = w[l + 2];
            double w3 = w[l + 3];
            double[] r0 = lagged[l];
            double[] r1 = lagged[l + 1];
            double[] r2 = lagged[l + 2];
            double[] r3 = lagged[l + 3];
            if (first) {
                for (int t = 0; t < n; t++) {
                    out[t] = w0 * r0[t] + w1 * r1[t] + w2 * r2[t] + w3 * r3[t];
                }
                first = false;
            } else {
                for (int t = 0; t < n; t++) {
                    out[t] = out[t] + w0 * r0[t] + w1 * r1[t] + w2 * r2[t] + w3 * r3[t];
                }
            }
        }
        if (first) {
            Arrays.fill(out, 0, n, 0.0);
        }
        for (; l < lags; l++) {
            double wl = w[l];
            double[] row = lagged[l];
            for (int t = 0; t < n; t++) {
                out[t] += wl * row[t];
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
        /** d inner / d theta_j for each adstock parameter (adstock first only). */
        private final double[][] innerDParams;
        /** lagged[l][t] = x[t-l]: the input laid out so the convolution vectorises (adstock first only). */
        private final double[][] lagged;
        private final double[] saturated;
        private final double[] saturationDx;
        private final double[][] saturationDParams;
        private final double[] adjoint;
        /** df/d theta_j = f'(a) da/d theta_j for each adstock parameter (adstock first only). */
        private final double[][] responseDAdstock;
        /** The rows the reverse pass contracts with g: response, then df/d(saturation), df/d(adstock). */
        private final double[][] jacobianRows;
        private final double[] dots;
        private double[] x;
        private double[] response;
        private int n;

        private Workspace(ChannelTransform owner, int maxRows) {
            this.owner = owner;
            this.maxRows = maxRows;
            int count = owner.weightCount;
            weights = new double[count];
            weightJacobian = new double[owner.adstockParameterCount][count];
            weightGradient = new double[count];
            inner = new double[maxRows];
            innerDParams = new double[owner.order == Order.ADSTOCK_FIRST ? owner.adstockParameterCount : 0][maxRows];
            lagged = new double[owner.order == Order.ADSTOCK_FIRST ? count : 0][maxRows];
            saturated = new double[maxRows];
            saturationDx = new double[maxRows];
            saturationDParams = new double[owner.saturationParameterCount][maxRows];
            adjoint = new double[maxRows];
            boolean adstockFirst = owner.order == Order.ADSTOCK_FIRST;
            responseDAdstock = new double[adstockFirst ? owner.adstockParameterCount : 0][maxRows];
            int saturationCount = owner.saturationParameterCount;
            jacobianRows = new double[1 + saturationCount + responseDAdstock.length][];
            jacobianRows[0] = saturated;
            for (int j = 0; j < saturationCount; j++) {
                jacobianRows[1 + j] = saturationDParams[j];
            }
            for (int j = 0; j < responseDAdstock.length; j++) {
                jacobianRows[1 + saturationCount + j] = responseDAdstock[j];
            }
            dots = new double[adstockFirst ? jacobianRows.length : 0];
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
