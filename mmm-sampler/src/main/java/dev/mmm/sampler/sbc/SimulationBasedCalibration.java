package dev.mmm.sampler.sbc;

import dev.mmm.sampler.Sampler;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.SamplingResult;
import dev.mmm.sampler.diagnostics.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Simulation-based calibration (Talts et al. 2018): for each replication draw parameters from
 * the prior, simulate data, run one NUTS chain on the posterior, keep L thinned draws and record
 * the rank of the true value among them, {@code #{draws < truth}} with ties broken at random.
 * If prior, simulator, posterior density and sampler agree, every parameter's ranks are uniform
 * on 0..L; {@link RankUniformity} tests that.
 *
 * <pre>{@code
 * SbcResult result = SimulationBasedCalibration.run(model, SbcSettings.defaults(42), null);
 * System.out.print(result.report());
 * }</pre>
 */
public final class SimulationBasedCalibration {

    private SimulationBasedCalibration() {
    }

    /**
     * Runs every replication, in parallel over {@code settings.threads()} threads.
     *
     * @param progress told the index of each finished replication, from the worker threads; nullable
     * @throws SbcException naming the replication whose prior draw, simulation or fit failed
     */
    public static <D> SbcResult run(SbcModel<D> model, SbcSettings settings, IntConsumer progress) {
        List<String> names = List.copyOf(model.parameterNames());
        int n = settings.replications();
        int[][] ranks = new int[n][];
        int[] divergences = new int[n];
        double[] minEss = new double[n];
        long start = System.nanoTime();
        int threads = settings.threads() == 0 ? Runtime.getRuntime().availableProcessors() : settings.threads();
        threads = Math.max(1, Math.min(threads, n));
        if (threads == 1) {
            for (int i = 0; i < n; i++) {
                replicate(model, settings, names, i, ranks, divergences, minEss);
                if (progress != null) {
                    progress.accept(i);
                }
            }
        } else {
            runParallel(model, settings, names, threads, ranks, divergences, minEss, progress);
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        return new SbcResult(settings, names, ranks, divergences, minEss, seconds);
    }

    private static <D> void runParallel(SbcModel<D> model, SbcSettings settings, List<String> names,
            int threads, int[][] ranks, int[] divergences, double[] minEss, IntConsumer progress) {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mmm-sbc-" + threadNumber.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < settings.replications(); i++) {
                int replication = i;
                futures.add(pool.submit(() -> {
                    replicate(model, settings, names, replication, ranks, divergences, minEss);
                    if (progress != null) {
                        progress.accept(replication);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new SbcException("SBC replication failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SbcException("interrupted while waiting for SBC replications", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <D> void replicate(SbcModel<D> model, SbcSettings settings, List<String> names,
            int replication, int[][] ranks, int[] divergences, double[] minEss) {
        int parameters = names.size();
        UniformRandomProvider rng = streamOf(settings.seed(), replication);
        double[] truth;
        SamplingResult fit;
        SbcPosterior posterior;
        try {
            truth = model.samplePrior(rng);
            if (truth.length != parameters) {
                throw new SbcException("replication " + replication + ": prior draw has " + truth.length
                        + " values for " + parameters + " parameters " + names);
            }
            D data = model.simulate(truth.clone(), rng);
            posterior = model.posterior(data);
            SamplerSettings sampler = SamplerSettings.builder().chains(1).threads(1)
                    .warmup(settings.warmup()).draws(settings.draws() * settings.thin())
                    .seed(rng.nextLong()).metric(settings.metric())
                    .targetAcceptance(settings.targetAcceptance()).build();
            fit = Sampler.sample(posterior.density(), sampler);
        } catch (SbcException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SbcException("replication " + replication + ": " + e.getMessage(), e);
        }
        double[][] positions = fit.positions()[0];
        int kept = settings.draws();
        if (positions.length < kept * settings.thin()) {
            throw new SbcException("replication " + replication + ": the fit returned " + positions.length
                    + " draws, expected " + kept * settings.thin());
        }
        // [parameter][1 chain][draw]: the shape Diagnostics takes
        double[][][] draws = new double[parameters][1][kept];
        double[] out = new double[parameters];
        for (int k = 0; k < kept; k++) {
            posterior.parameters().apply(positions[(k + 1) * settings.thin() - 1], out);
            for (int p = 0; p < parameters; p++) {
                draws[p][0][k] = out[p];
            }
        }
        int[] rank = new int[parameters];
        double lowestEss = Double.POSITIVE_INFINITY;
        for (int p = 0; p < parameters; p++) {
            rank[p] = rank(draws[p][0], truth[p], rng);
            double ess = Diagnostics.essBulk(draws[p]);
            lowestEss = Double.isNaN(ess) ? lowestEss : Math.min(lowestEss, ess);
        }
        ranks[replication] = rank;
        divergences[replication] = fit.divergences();
        minEss[replication] = lowestEss == Double.POSITIVE_INFINITY ? Double.NaN : lowestEss;
    }

    /** Number of draws below {@code truth}, plus a uniform share of the draws equal to it. */
    static int rank(double[] draws, double truth, UniformRandomProvider rng) {
        int below = 0;
        int equal = 0;
        for (double d : draws) {
            if (d < truth) {
                below++;
            } else if (d == truth) {
                equal++;
            }
        }
        return equal == 0 ? below : below + rng.nextInt(equal + 1);
    }

    /** Replication i's own stream, fixed by (seed, i) whatever thread runs it. */
    static UniformRandomProvider streamOf(long seed, int replication) {
        long a = mix(seed);
        long b = mix(seed + 0x9E3779B97F4A7C15L * (replication + 1L));
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {a, b == 0 && a == 0 ? 1 : b});
    }

    /** SplitMix64's finaliser: spreads nearby seeds over the whole state space. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
