package dev.mmm.spark;

import dev.mmm.core.analysis.Refresh;
import dev.mmm.core.data.DataException;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.io.AnalysisJson;
import dev.mmm.core.io.AtomicFiles;
import dev.mmm.core.model.FitChecks;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.sampler.WarmStart;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/**
 * Refreshes one group inside an executor, as {@code mmm refresh} does for one fit folder: loads
 * the group's previous fit, reads the group's rows (all periods, old and new) as
 * {@link GroupFitter#groupData} does, refits the previous fit's spec warm-started from it
 * ({@link Refresh#warmStart}) with the group's seed, writes the new fit folder with its
 * {@code drift.json}, and reports the drift. Any failure becomes the group's error.
 */
final class GroupRefresher {

    /** The file of a refreshed group folder that holds its drift (as {@code mmm refresh} writes it). */
    static final String DRIFT_FILE = "drift.json";

    private GroupRefresher() {
    }

    /**
     * @param previous where the previous batch's group folders are
     * @param settings chains, warm-up and draws (the previous fit's chains and draws where not given)
     */
    static RefreshResult refresh(GroupKey key, List<String> columns, Iterable<String[]> rows, FitOutput previous,
                                 BatchRefresh.Settings settings, long masterSeed, FitOutput output) {
        long start = System.nanoTime();
        long seed = key.seed(masterSeed);
        SamplerPlan sampler = null;
        String previousPath = null;
        try {
            GroupFitter.requireValues(key);
            MmmFit old;
            try {
                old = previous.load(key.folder());
            } catch (NoSuchFileException e) {
                throw new DataException("no previous fit for this group: " + e.getFile()
                        + " (a group new since the previous batch: fit it with 'mmm batch' first)");
            }
            previousPath = previous.groupPath(key.folder()).toString();
            ModelSpec spec = old.spec();
            Dataset data = GroupFitter.groupData(key, spec, columns, rows);
            if (data.rows() <= old.model().rows()) {
                throw new DataException("group " + key + ": has " + data.rows() + " periods, no more than the previous"
                        + " fit's " + old.model().rows() + "; refresh needs the old periods plus new ones");
            }
            sampler = settings.samplerFor(old);
            List<String> warnings = new ArrayList<>(FitChecks.validate(spec, data));
            WarmStart warmStart = Refresh.warmStart(old, data, sampler.chains());
            MmmFit fit = Mmm.fit(spec, data, sampler.settings(seed), warmStart, null, null);
            Refresh.DriftReport drift = Refresh.drift(old, fit);
            String driftJson = AnalysisJson.drift(drift, old.model().rows(), fit.model().rows());
            GroupResult result = GroupFitter.report(key, seed, sampler, fit, warnings, output,
                    staging -> AtomicFiles.writeString(staging.resolve(DRIFT_FILE), driftJson), start);
            return new RefreshResult(result, previousPath, drift);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            return new RefreshResult(GroupResult.failed(key, seed, sampler, GroupFitter.message(e),
                    GroupFitter.seconds(start)), previousPath, null);
        }
    }
}
