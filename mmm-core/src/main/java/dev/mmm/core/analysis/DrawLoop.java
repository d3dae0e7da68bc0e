package dev.mmm.core.analysis;

import dev.mmm.core.posterior.Posterior;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs a body once per posterior draw, in contiguous blocks of draws on a few threads, each
 * thread with its own workspace (model copies, buffers) made once. The body writes its results
 * into slots indexed by the draw, so the outcome does not depend on the thread count.
 */
final class DrawLoop {

    /** What to do with one draw. */
    interface Body<W> {
        void run(int draw, double[] theta, W workspace);
    }

    private DrawLoop() {
    }

    static <W> void forEachDraw(Posterior posterior, int threads, Supplier<W> workspace, Body<W> body) {
        int draws = posterior.drawCount();
        int p = posterior.parameterNames().size();
        int n = Math.max(1, Math.min(threads, draws / 64 + 1));
        if (n == 1) {
            W w = workspace.get();
            double[] theta = new double[p];
            for (int d = 0; d < draws; d++) {
                posterior.drawInto(d, theta);
                body.run(d, theta, w);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "mmm-analysis");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                int from = (int) ((long) draws * k / n);
                int to = (int) ((long) draws * (k + 1) / n);
                futures.add(pool.submit(() -> {
                    W w = workspace.get();
                    double[] theta = new double[p];
                    for (int d = from; d < to; d++) {
                        posterior.drawInto(d, theta);
                        body.run(d, theta, w);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while analysing draws", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Threads to use by default: every core. */
    static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }
}
