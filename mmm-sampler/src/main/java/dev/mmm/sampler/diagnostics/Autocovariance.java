package dev.mmm.sampler.diagnostics;

/**
 * Biased autocovariance of one series by FFT, as Geyer (1992) and posterior use it:
 * {@code acov[t] = (1/n) * sum_{i < n-t} (x_i - mean)(x_{i+t} - mean)}.
 *
 * <p>Zero-padding to a power of two of at least {@code 2n} makes the circular correlation
 * the FFT computes equal to the linear one, so no lag wraps around.
 *
 * <p>Public so that other diagnostics (the relative efficiency of {@code loo} in
 * {@code dev.mmm.core.analysis}) share this one transform.
 */
public final class Autocovariance {

    private Autocovariance() {
    }

    /** Autocovariance at lags {@code 0..n-1} of {@code x[from .. from+n)}. */
    public static double[] of(double[] x, int from, int n) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += x[from + i];
        }
        mean /= n;
        int size = Integer.highestOneBit(Math.max(1, 2 * n - 1)) << 1;
        double[] re = new double[size];
        double[] im = new double[size];
        for (int i = 0; i < n; i++) {
            re[i] = x[from + i] - mean;
        }
        fft(re, im, false);
        for (int k = 0; k < size; k++) {
            re[k] = re[k] * re[k] + im[k] * im[k];
            im[k] = 0;
        }
        fft(re, im, true);
        double[] acov = new double[n];
        // the inverse transform below is unnormalised, hence the extra 1/size
        double scale = 1.0 / ((double) size * n);
        for (int t = 0; t < n; t++) {
            acov[t] = re[t] * scale;
        }
        return acov;
    }

    /** In-place iterative radix-2 Cooley-Tukey FFT; {@code inverse} flips the sign only. */
    static void fft(double[] re, double[] im, boolean inverse) {
        int size = re.length;
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("FFT length must be a power of two, got " + size);
        }
        for (int i = 1, j = 0; i < size; i++) {
            int bit = size >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double tr = re[i];
                re[i] = re[j];
                re[j] = tr;
                double ti = im[i];
                im[i] = im[j];
                im[j] = ti;
            }
        }
        double sign = inverse ? 1.0 : -1.0;
        for (int len = 2; len <= size; len <<= 1) {
            double angle = sign * 2 * Math.PI / len;
            int half = len >> 1;
            for (int k = 0; k < half; k++) {
                // twiddles from cos/sin directly rather than by recurrence, to keep rounding at 1e-16
                double wr = Math.cos(angle * k);
                double wi = Math.sin(angle * k);
                for (int start = 0; start < size; start += len) {
                    int a = start + k;
                    int b = a + half;
                    double br = re[b] * wr - im[b] * wi;
                    double bi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - br;
                    im[b] = im[a] - bi;
                    re[a] += br;
                    im[a] += bi;
                }
            }
        }
    }
}
