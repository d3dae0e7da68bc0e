package dev.mmm.sampler.adapt;

import java.util.ArrayList;
import java.util.List;

/**
 * Stan's windowed-adaptation schedule ({@code windowed_adaptation.hpp}): a fast initial buffer,
 * slow windows that double in size (the last one stretched to the terminal buffer), and a fast
 * terminal buffer. Tracks the current warm-up iteration.
 */
public final class AdaptationWindows {
    public static final int DEFAULT_INIT_BUFFER = 75;
    public static final int DEFAULT_TERM_BUFFER = 50;
    public static final int DEFAULT_BASE_WINDOW = 25;

    private final int numWarmup;
    private final int initBuffer;
    private final int termBuffer;
    private final int baseWindow;
    private int counter;
    private int windowSize;
    private int nextWindowEnd;

    /** Stan's default buffers 75/50/25 for this many warm-up iterations. */
    public AdaptationWindows(int numWarmup) {
        this(numWarmup, DEFAULT_INIT_BUFFER, DEFAULT_TERM_BUFFER, DEFAULT_BASE_WINDOW);
    }

    /**
     * Below 20 warm-up iterations no metric window exists; when the buffers do not fit they are
     * resized to 15% / 75% / 10% of the warm-up, as Stan does.
     */
    public AdaptationWindows(int numWarmup, int initBuffer, int termBuffer, int baseWindow) {
        if (numWarmup < 20) {
            this.numWarmup = 0;
            this.initBuffer = 0;
            this.termBuffer = 0;
            this.baseWindow = 0;
        } else if (initBuffer + baseWindow + termBuffer > numWarmup) {
            this.numWarmup = numWarmup;
            this.initBuffer = (int) (0.15 * numWarmup);
            this.termBuffer = (int) (0.1 * numWarmup);
            this.baseWindow = numWarmup - (this.initBuffer + this.termBuffer);
        } else {
            this.numWarmup = numWarmup;
            this.initBuffer = initBuffer;
            this.termBuffer = termBuffer;
            this.baseWindow = baseWindow;
        }
        restart();
    }

    /**
     * A warm start's schedule: one slow window between a fast buffer of a tenth of the warm-up
     * (at most 25) and a terminal buffer of a fifth (at most 50), so 25 / 175 / 50 for 250
     * iterations. The chain starts in the typical set with a usable metric, so it needs neither
     * Stan's long initial buffer nor its doubling windows.
     */
    public static AdaptationWindows forWarmStart(int numWarmup) {
        int init = Math.min(25, numWarmup / 10);
        int term = Math.min(DEFAULT_TERM_BUFFER, numWarmup / 5);
        return new AdaptationWindows(numWarmup, init, term, Math.max(0, numWarmup - init - term));
    }

    public void restart() {
        counter = 0;
        windowSize = baseWindow;
        nextWindowEnd = initBuffer + windowSize - 1;
    }

    /** Whether the current iteration's draw feeds the metric estimator. */
    public boolean inWindow() {
        return counter >= initBuffer && counter < numWarmup - termBuffer && counter != numWarmup;
    }

    /** Whether the current iteration closes a slow window (the metric is updated after it). */
    public boolean endOfWindow() {
        return counter == nextWindowEnd && counter != numWarmup;
    }

    /** After a window closes: the next, doubled window, stretched if the one after would not fit. */
    public void computeNextWindow() {
        if (nextWindowEnd == numWarmup - termBuffer - 1) {
            return;
        }
        windowSize *= 2;
        nextWindowEnd = counter + windowSize;
        if (nextWindowEnd != numWarmup - termBuffer - 1) {
            int nextWindowBoundary = nextWindowEnd + 2 * windowSize;
            if (nextWindowBoundary >= numWarmup - termBuffer) {
                nextWindowEnd = numWarmup - termBuffer - 1;
            }
        }
    }

    /** Moves on to the next warm-up iteration. */
    public void advance() {
        counter++;
    }

    public int initBuffer() {
        return initBuffer;
    }

    public int termBuffer() {
        return termBuffer;
    }

    public int baseWindow() {
        return baseWindow;
    }

    /** The 0-based warm-up iterations at which slow windows end, by running the schedule through. */
    public static List<Integer> windowEnds(int numWarmup, int initBuffer, int termBuffer, int baseWindow) {
        AdaptationWindows windows = new AdaptationWindows(numWarmup, initBuffer, termBuffer, baseWindow);
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < numWarmup; i++) {
            if (windows.endOfWindow()) {
                ends.add(i);
                windows.computeNextWindow();
            }
            windows.advance();
        }
        return ends;
    }
}
