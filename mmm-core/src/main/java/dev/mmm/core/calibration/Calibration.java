package dev.mmm.core.calibration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a model is calibrated with beyond its data: lift tests (extra likelihood terms) and ROI
 * priors (a prior on a channel's ROAS instead of on its coefficient). Part of the
 * {@code ModelSpec}; {@link Calibrator} turns it into the compiled model's components.
 */
public record Calibration(List<LiftTest> liftTests, List<RoiPrior> roiPriors) {

    private static final Calibration NONE = new Calibration(List.of(), List.of());

    public Calibration {
        liftTests = List.copyOf(liftTests);
        roiPriors = List.copyOf(roiPriors);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < roiPriors.size(); i++) {
            if (!seen.add(roiPriors.get(i).channel())) {
                throw new IllegalArgumentException("roi_priors[" + i + "]: channel '" + roiPriors.get(i).channel()
                        + "' has a ROI prior already");
            }
        }
    }

    /** No calibration. */
    public static Calibration none() {
        return NONE;
    }

    public boolean isEmpty() {
        return liftTests.isEmpty() && roiPriors.isEmpty();
    }

    /** The ROI prior of {@code channel}, or null. */
    public RoiPrior roiPrior(String channel) {
        for (RoiPrior r : roiPriors) {
            if (r.channel().equals(channel)) {
                return r;
            }
        }
        return null;
    }

    /** This calibration with more lift tests. */
    public Calibration withLiftTests(List<LiftTest> more) {
        List<LiftTest> all = new ArrayList<>(liftTests);
        all.addAll(more);
        return new Calibration(all, roiPriors);
    }

    /** This calibration with one more ROI prior. */
    public Calibration withRoiPrior(RoiPrior prior) {
        List<RoiPrior> all = new ArrayList<>(roiPriors);
        all.add(prior);
        return new Calibration(liftTests, all);
    }
}
