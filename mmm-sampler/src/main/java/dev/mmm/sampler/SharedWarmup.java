package dev.mmm.sampler;

import dev.mmm.sampler.adapt.DiagonalVarianceEstimator;
import dev.mmm.sampler.adapt.MetricEstimator;
import dev.mmm.sampler.adapt.WelfordVariance;
import dev.mmm.sampler.metric.DiagonalMetric;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * The meeting point of {@link SamplerSettings#sharedWarmup()}: every chain runs on its own thread,
 * and at the end of each slow metric window, and at the end of warm-up, waits for the others. The
 * last to arrive pools the chains' contributions in chain order, so the pooled metric and step size
 * do not depend on which thread got there first. A semaphore of {@code threads} permits bounds the
 * chains that compute at once; a chain gives its permit back while it waits, so fewer threads than
 * chains cannot deadlock. A chain that stops (cancelled, failed, or finished) leaves, and the
 * others meet without it.
 */
final class SharedWarmup {
    private final Semaphore permits;
    private final boolean[] holding;
    private final Object[] contributions;
    private int active;
    private int arrived;
    private long generation;
    private Function<Object[], Object> pendingPool;
    private Object result;
    private RuntimeException failure;

    SharedWarmup(int chains, int threads) {
        this.permits = new Semaphore(threads);
        this.holding = new boolean[chains];
        this.contributions = new Object[chains];
        this.active = chains;
    }

    /** Waits for a permit before chain {@code chain} starts computing. */
    void enter(int chain) throws InterruptedException {
        permits.acquire();
        holding[chain] = true;
    }

    /** Chain {@code chain} has stopped, for whatever reason: the others stop waiting for it. */
    void leave(int chain) {
        synchronized (this) {
            active--;
            if (arrived > 0 && arrived == active) {
                complete();
            }
        }
        if (holding[chain]) {
            holding[chain] = false;
            permits.release();
        }
    }

    /**
     * An estimator for chain {@code chain} that, at each window's end, sets {@code metric} to the
     * chains' pooled window variance, regularised as Stan's with the pooled draw count.
     */
    MetricEstimator varianceEstimator(int chain, DiagonalMetric metric) {
        return new PooledVarianceEstimator(chain, metric);
    }

    /** The median of the chains' final step sizes (for an even count, the geometric mean of the middle two). */
    double pooledStepSize(int chain, double stepSize) {
        return (Double) exchange(chain, stepSize, SharedWarmup::medianStepSize);
    }

    private static Object medianStepSize(Object[] stepSizes) {
        double[] logs = Arrays.stream(stepSizes).filter(s -> s != null).mapToDouble(s -> Math.log((Double) s))
                .sorted().toArray();
        int m = logs.length / 2;
        return logs.length % 2 == 1 ? Math.exp(logs[m]) : Math.exp(0.5 * (logs[m - 1] + logs[m]));
    }

    private static Object pooledVariance(Object[] windows) {
        WelfordVariance pooled = null;
        for (Object window : windows) {
            if (window != null) {
                WelfordVariance w = (WelfordVariance) window;
                if (pooled == null) {
                    pooled = new WelfordVariance(w.dimension());
                }
                pooled.merge(w);
            }
        }
        double[] variance = new double[pooled.dimension()];
        DiagonalVarianceEstimator.regularisedVariance(pooled, variance);
        return variance;
    }

    /**
     * Hands in {@code contribution} and waits for the other active chains; returns what
     * {@code pool} made of all contributions (in chain order, null for chains that left).
     */
    private Object exchange(int chain, Object contribution, Function<Object[], Object> pool) {
        if (holding[chain]) {
            holding[chain] = false;
            permits.release();
        }
        Object pooled;
        RuntimeException failed;
        try {
            synchronized (this) {
                long mine = generation;
                contributions[chain] = contribution;
                if (pendingPool == null) {
                    pendingPool = pool;
                }
                arrived++;
                if (arrived == active) {
                    complete();
                } else {
                    try {
                        while (generation == mine) {
                            wait();
                        }
                    } catch (InterruptedException e) {
                        // Withdraw from this meeting, so that the others do not count a chain that left.
                        if (generation == mine) {
                            arrived--;
                            contributions[chain] = null;
                        }
                        throw e;
                    }
                }
                pooled = result;
                failed = failure;
            }
            permits.acquire();
            holding[chain] = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SamplerException("chain " + chain + " was interrupted while waiting for the other chains' warm-up",
                    e);
        }
        if (failed != null) {
            throw failed;
        }
        return pooled;
    }

    /** Pools the current meeting's contributions and lets its waiters go; holds the lock. */
    private void complete() {
        try {
            result = pendingPool.apply(contributions.clone());
            failure = null;
        } catch (RuntimeException e) {
            result = null;
            failure = e;
        }
        Arrays.fill(contributions, null);
        pendingPool = null;
        arrived = 0;
        generation++;
        notifyAll();
    }

    /** Collects one chain's window draws; its update hands them in and takes the pooled metric. */
    private final class PooledVarianceEstimator implements MetricEstimator {
        private final int chain;
        private final DiagonalMetric metric;
        private WelfordVariance window;

        PooledVarianceEstimator(int chain, DiagonalMetric metric) {
            this.chain = chain;
            this.metric = metric;
            this.window = new WelfordVariance(metric.dimension());
        }

        @Override
        public void add(double[] position, double[] gradient) {
            window.add(position);
        }

        @Override
        public int count() {
            return window.count();
        }

        @Override
        public void updateMetricAndRestart() {
            // A fresh accumulator each window: the handed-in one is read by whichever chain pools.
            WelfordVariance finished = window;
            window = new WelfordVariance(metric.dimension());
            metric.setInverseDiagonal((double[]) exchange(chain, finished, SharedWarmup::pooledVariance));
        }
    }
}
