package dev.mmm.cli;

import dev.mmm.sampler.Phase;
import dev.mmm.sampler.ProgressListener;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows sampling progress on stderr: a live bar when stderr is a terminal, otherwise a plain
 * line at every 10% so logs of a batch run stay short. Thread-safe: chains call it concurrently.
 */
final class ProgressReporter implements ProgressListener, AutoCloseable {

    private final long total;
    private final AtomicLong done = new AtomicLong();
    private final AtomicIntegerArray samplingDivergences;
    private final ProgressBar bar;
    private final PrintWriter plain;
    private final AtomicLong nextPlainTenth = new AtomicLong(1);
    private final java.util.concurrent.atomic.AtomicBoolean samplingAnnounced = new java.util.concurrent.atomic.AtomicBoolean();

    private ProgressReporter(int chains, int warmup, int draws, ProgressBar bar, PrintWriter plain) {
        this.total = (long) chains * (warmup + draws);
        this.samplingDivergences = new AtomicIntegerArray(chains);
        this.bar = bar;
        this.plain = plain;
    }

    /** A live bar on stderr if it is a terminal (known only when run from main), else plain lines on {@code err}; nothing when quiet. */
    static ProgressReporter create(int chains, int warmup, int draws, PrintWriter err, boolean quiet) {
        if (quiet) {
            return new ProgressReporter(chains, warmup, draws, null, null);
        }
        if (MmmCommand.stderrIsTerminal) {
            ProgressBar bar = new ProgressBarBuilder()
                    .setTaskName("sampling")
                    .setInitialMax((long) chains * (warmup + draws))
                    .setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true)))
                    .setUpdateIntervalMillis(200)
                    .showSpeed()
                    .build();
            return new ProgressReporter(chains, warmup, draws, bar, null);
        }
        return new ProgressReporter(chains, warmup, draws, null, err);
    }

    @Override
    public void onIteration(int chain, int iteration, Phase phase, int divergencesSoFar) {
        long now = done.incrementAndGet();
        if (phase == Phase.SAMPLING && chain >= 0 && chain < samplingDivergences.length()) {
            samplingDivergences.accumulateAndGet(chain, divergencesSoFar, Math::max);
        }
        if (bar != null) {
            bar.stepTo(now);
            if (phase == Phase.SAMPLING) {
                bar.setExtraMessage(" divergences " + divergences());
            }
        } else if (plain != null && phase == Phase.SAMPLING && samplingAnnounced.compareAndSet(false, true)) {
            synchronized (plain) {
                plain.println("mmm: warm-up done in chain " + (chain + 1) + ", sampling started");
                plain.flush();
            }
        } else if (plain != null && total > 0) {
            long tenth = nextPlainTenth.get();
            if (now * 10 >= tenth * total && nextPlainTenth.compareAndSet(tenth, tenth + 1)) {
                synchronized (plain) {
                    plain.println(String.format(Locale.ROOT, "mmm: %3d%% of iterations done, %d divergent after warm-up so far",
                            tenth * 10, divergences()));
                    plain.flush();
                }
            }
        }
    }

    long divergences() {
        long sum = 0;
        for (int c = 0; c < samplingDivergences.length(); c++) {
            sum += samplingDivergences.get(c);
        }
        return sum;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
