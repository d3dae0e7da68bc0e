package dev.mmm.sampler;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs NUTS chains with Stan's adaptive warm-up over a {@link LogDensity}. */
public final class Sampler {

    private Sampler() {
    }

    public static SamplingResult sample(LogDensity density, SamplerSettings settings) {
        return sample(density, settings, (double[][]) null, null, null);
    }

    /**
     * Runs {@code settings.chains()} chains on up to {@code settings.effectiveThreads()} threads.
     * Chain {@code c} draws from its own random stream fixed by (seed, c), so the result does not
     * depend on the thread count. With {@link SamplerSettings#sharedWarmup()} every chain has its
     * own thread, of which at most {@code settings.effectiveThreads()} compute at once.
     *
     * @param initialPositions [chain][dimension] unconstrained starting points, or null for
     *     Stan's random initialisation
     * @param listener told after every iteration of every chain, from the chains' threads; nullable
     * @param token cancels the run; the draws finished so far are returned, marked incomplete; nullable
     * @throws SamplerException when a chain cannot start or adapt
     * @throws LogDensityException as thrown by the density (the run stops)
     */
    public static SamplingResult sample(LogDensity density, SamplerSettings settings, double[][] initialPositions,
            ProgressListener listener, CancellationToken token) {
        int dimension = checkedDimension(density, settings);
        validateInitialPositions(initialPositions, settings.chains(), dimension);

        long start = System.nanoTime();
        int chains = settings.chains();
        AtomicBoolean abort = new AtomicBoolean();
        SharedWarmup shared = settings.sharedWarmup() ? new SharedWarmup(chains, settings.effectiveThreads()) : null;
        List<Chain> runs = new ArrayList<>(chains);
        for (int c = 0; c < chains; c++) {
            double[] initial = initialPositions == null ? null : initialPositions[c].clone();
            runs.add(new Chain(c, density.copyForChain(), settings, initial, listener, token, abort, shared));
        }
        return run(runs, settings, dimension, abort, start, shared);
    }

    /**
     * Runs warm-started chains: chain {@code c} starts at {@code warmStart.chains().get(c)}'s
     * position with its metric and step size, and its {@code settings.warmup()} iterations
     * re-tune them as {@link WarmStart} describes. Reproducible per seed whatever the thread count,
     * as {@link #sample(LogDensity, SamplerSettings, double[][], ProgressListener, CancellationToken)}.
     *
     * @throws IllegalArgumentException if the warm start does not have one state per chain, or a
     *     state has the wrong dimension, a non-finite value, a non-positive step size or metric
     *     entry, or a dense metric that is not symmetric positive definite
     * @throws SamplerException when a chain's starting position has no finite log density
     */
    public static SamplingResult sample(LogDensity density, SamplerSettings settings, WarmStart warmStart,
            ProgressListener listener, CancellationToken token) {
        int dimension = checkedDimension(density, settings);
        Objects.requireNonNull(warmStart, "warmStart must not be null");
        if (settings.sharedWarmup()) {
            throw new IllegalArgumentException("sharedWarmup applies to cold starts only; turn it off for a warm start");
        }
        warmStart.check(settings.chains(), dimension);

        long start = System.nanoTime();
        int chains = settings.chains();
        AtomicBoolean abort = new AtomicBoolean();
        List<Chain> runs = new ArrayList<>(chains);
        for (int c = 0; c < chains; c++) {
            runs.add(new Chain(c, density.copyForChain(), settings, warmStart.chains().get(c), warmStart.retune(),
                    listener, token, abort));
        }
        return run(runs, settings, dimension, abort, start, null);
    }

    private static int checkedDimension(LogDensity density, SamplerSettings settings) {
        Objects.requireNonNull(density, "density must not be null");
        Objects.requireNonNull(settings, "settings must not be null");
        int dimension = density.dimension();
        if (dimension < 1) {
            throw new IllegalArgumentException("density dimension must be at least 1, got " + dimension);
        }
        return dimension;
    }

    /**
     * With {@code shared} (shared warm-up) the chains meet at window ends, so each gets its own
     * thread and {@code shared}'s permits bound how many compute at once.
     */
    private static SamplingResult run(List<Chain> runs, SamplerSettings settings, int dimension, AtomicBoolean abort,
            long start, SharedWarmup shared) {
        int chains = runs.size();
        ChainOutput[] outputs = new ChainOutput[chains];
        int threads = settings.effectiveThreads();
        if (shared != null) {
            runParallel(runs, outputs, chains, abort, shared);
        } else if (threads == 1) {
            for (int c = 0; c < chains; c++) {
                outputs[c] = runs.get(c).run();
            }
        } else {
            runParallel(runs, outputs, threads, abort, null);
        }
        double wallSeconds = (System.nanoTime() - start) * 1e-9;
        return new SamplingResult(outputs, settings, dimension, wallSeconds);
    }

    private static void runParallel(List<Chain> runs, ChainOutput[] outputs, int threads, AtomicBoolean abort,
            SharedWarmup shared) {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mmm-chain-" + threadNumber.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<Integer> completion = new ExecutorCompletionService<>(pool);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int c = 0; c < runs.size(); c++) {
                int chain = c;
                futures.add(completion.submit(() -> {
                    if (shared == null) {
                        outputs[chain] = runs.get(chain).run();
                        return chain;
                    }
                    try {
                        shared.enter(chain);
                        outputs[chain] = runs.get(chain).run();
                    } finally {
                        shared.leave(chain);
                    }
                    return chain;
                }));
            }
            for (int done = 0; done < runs.size(); done++) {
                Future<Integer> finished = completion.take();
                try {
                    finished.get();
                } catch (ExecutionException e) {
                    abort.set(true);
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException) {
                        throw (RuntimeException) cause;
                    }
                    if (cause instanceof Error) {
                        throw (Error) cause;
                    }
                    throw new SamplerException("chain failed: " + cause, cause);
                }
            }
        } catch (InterruptedException e) {
            abort.set(true);
            Thread.currentThread().interrupt();
            throw new SamplerException("interrupted while waiting for the chains", e);
        } finally {
            pool.shutdown();
        }
    }

    private static void validateInitialPositions(double[][] initialPositions, int chains, int dimension) {
        if (initialPositions == null) {
            return;
        }
        if (initialPositions.length != chains) {
            throw new IllegalArgumentException("initialPositions has " + initialPositions.length
                    + " rows, expected one per chain (" + chains + ")");
        }
        for (int c = 0; c < chains; c++) {
            if (initialPositions[c] == null || initialPositions[c].length != dimension) {
                throw new IllegalArgumentException("initialPositions[" + c + "] has "
                        + (initialPositions[c] == null ? "no" : String.valueOf(initialPositions[c].length))
                        + " values, expected " + dimension);
            }
            for (int i = 0; i < dimension; i++) {
                if (!Double.isFinite(initialPositions[c][i])) {
                    throw new IllegalArgumentException("initialPositions[" + c + "][" + i + "] is not finite: "
                            + initialPositions[c][i]);
                }
            }
        }
    }
}
