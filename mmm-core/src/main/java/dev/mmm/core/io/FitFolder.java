package dev.mmm.core.io;

import dev.mmm.core.data.CsvReader;
import dev.mmm.core.data.DataException;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.posterior.DataFingerprint;
import dev.mmm.core.posterior.Posterior;
import dev.mmm.core.posterior.PosteriorStore;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A fit's folder, written whole or not at all ({@link AtomicFolder}): {@code summary.json} and
 * {@code draws.csv} (the fit contract of docs/MODEL.md), {@code posterior.json} and
 * {@code posterior.bin} (the {@link Posterior}, bit for bit), and {@code data.csv} (the training
 * data the model was compiled from, whose SHA-256 the posterior's provenance records). Loading
 * compiles the spec on that data again and checks the fingerprint, so every number of an analysis
 * traces back to these files.
 */
public final class FitFolder {

    public static final String DATA_FILE = "data.csv";
    /** The files of a fit folder, for messages. */
    public static final String FILES = "summary.json, draws.csv, posterior.json, posterior.bin, data.csv";

    private FitFolder() {
    }

    /** Writes every file of {@code fit} into {@code outDir}, replacing an older fit there whole. */
    public static FitSummary write(MmmFit fit, FitSummary summary, Path outDir) throws IOException {
        checkReplaceable(outDir);
        Dataset data = fit.model().source();
        AtomicFolder.write(outDir, staging -> {
            DrawsCsv.write(staging.resolve(FitWriter.DRAWS_FILE), FitWriter.drawsOf(fit));
            SummaryJson.write(staging.resolve(FitWriter.SUMMARY_FILE), summary);
            PosteriorStore.save(fit.posterior(), staging);
            if (data != null) {
                DatasetCsv.write(staging.resolve(DATA_FILE), data);
            }
        });
        return summary;
    }

    /**
     * A fit replaces its folder whole, so the folder must be new, empty, or an earlier fit's:
     * never a folder of the user's other files (think {@code --out .}). Call before sampling too.
     */
    public static void checkReplaceable(Path outDir) throws IOException {
        if (!java.nio.file.Files.exists(outDir)) {
            return;
        }
        if (!java.nio.file.Files.isDirectory(outDir)) {
            throw new DataException(outDir + ": exists and is not a folder");
        }
        boolean fitFolder = java.nio.file.Files.exists(outDir.resolve(FitWriter.SUMMARY_FILE));
        try (var entries = java.nio.file.Files.list(outDir)) {
            if (!fitFolder && entries.findAny().isPresent()) {
                throw new DataException(outDir + ": holds files that are not a fit's (no summary.json); a fit replaces"
                        + " its folder whole, so name a new or empty folder");
            }
        }
    }

    /** The fit saved in {@code dir}: spec, model (compiled on the saved data) and posterior. */
    public static MmmFit load(Path dir) throws IOException {
        Posterior posterior = PosteriorStore.load(dir);
        ModelSpec spec = ModelSpec.fromJson(posterior.provenance().specJson());
        Path dataFile = dir.resolve(DATA_FILE);
        Dataset data;
        try {
            data = CsvReader.read(dataFile, spec.dateColumn());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new DataException(dataFile + ": no such file; a fit folder keeps the data it was fitted on");
        }
        String sha = DataFingerprint.of(data);
        if (!sha.equals(posterior.provenance().dataSha256())) {
            throw new DataException(dataFile + ": its SHA-256 " + sha + " is not the fitted data's "
                    + posterior.provenance().dataSha256() + " (posterior.json $.provenance.data_sha256): the file was changed");
        }
        CompiledModel model = spec.compile(data);
        return MmmFit.of(model, posterior);
    }
}
