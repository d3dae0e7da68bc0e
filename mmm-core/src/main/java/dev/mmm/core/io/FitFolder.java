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
        return write(fit, summary, outDir, staging -> { });
    }

    /** As above, with {@code more} files (e.g. the demo's data and truth) in the same all-or-nothing write. */
    public static FitSummary write(MmmFit fit, FitSummary summary, Path outDir, AtomicFolder.Content more)
            throws IOException {
        Dataset data = fit.model().source();
        AtomicFolder.Content contract = FitWriter.content(summary, FitWriter.drawsOf(fit));
        AtomicFolder.write(outDir, staging -> {
            more.writeInto(staging);
            contract.writeInto(staging);
            PosteriorStore.save(fit.posterior(), staging);
            if (data != null) {
                AtomicFolder.writeText(staging, DATA_FILE, w -> DatasetCsv.write(w, data));
            }
        });
        return summary;
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
