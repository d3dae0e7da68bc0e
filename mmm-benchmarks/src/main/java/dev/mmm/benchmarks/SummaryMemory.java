package dev.mmm.benchmarks;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.io.FitFolder;
import dev.mmm.core.io.FitMetadata;
import dev.mmm.core.io.FitWriter;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.posterior.ChainAdaptation;
import dev.mmm.core.posterior.DataFingerprint;
import dev.mmm.core.posterior.Posterior;
import dev.mmm.core.posterior.Provenance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a fit folder of the size that the memory bound of {@code mmm summary} is stated for
 * (default 4 chains x 1000 draws, 1040 weekly periods, 20 channels, 2 controls), with draws spread
 * over the default model's prior box (the analysis costs the same whatever the values), so that
 * {@code mmm summary} can be run on it under a fixed heap:
 *
 * <pre>
 * mvn -q -pl mmm-benchmarks -am package -DskipTests
 * java -cp mmm-benchmarks/target/benchmarks.jar dev.mmm.benchmarks.SummaryMemory /tmp/big-fit 1040 20 4000
 * /usr/bin/time -v java -Xmx512m -cp mmm-benchmarks/target/benchmarks.jar dev.mmm.cli.MmmCommand summary --fit /tmp/big-fit --json
 * </pre>
 */
public final class SummaryMemory {

    private SummaryMemory() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "big-fit");
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1040;
        int channels = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int draws = args.length > 3 ? Integer.parseInt(args[3]) : 4000;
        int chains = 4;
        Dataset data = BenchmarkData.generate(rows, channels, 2, false, 1);
        ModelSpec spec = BenchmarkData.defaultModel(channels, 2);
        CompiledModel model = spec.compile(data);
        SplittableRandom random = new SplittableRandom(7);
        int p = model.parameterCount();
        double[][] columns = new double[p][draws];
        double[] u = new double[model.dimension()];
        double[] theta = new double[p];
        for (int d = 0; d < draws; d++) {
            for (int i = 0; i < u.length; i++) {
                u[i] = random.nextDouble(-1.5, 1.5);
            }
            model.constrain(u, theta);
            for (int k = 0; k < p; k++) {
                columns[k][d] = theta[k];
            }
        }
        Map<String, double[]> sampler = new LinkedHashMap<>();
        for (String name : Posterior.SAMPLER_COLUMNS) {
            sampler.put(name, new double[draws]);
        }
        int[] perChain = new int[chains];
        List<ChainAdaptation> adaptation = new ArrayList<>();
        for (int c = 0; c < chains; c++) {
            perChain[c] = draws / chains + (c < draws % chains ? 1 : 0);
            adaptation.add(new ChainAdaptation(c, 0.1, new double[model.dimension()], u));
        }
        Provenance provenance = new Provenance(spec.toJson(), model.scaling().targetScale(),
                model.scaling().channelScales(), DataFingerprint.of(data), rows, data.date(0).toString(),
                data.date(rows - 1).toString(), 1, Map.of("chains", Integer.toString(chains)),
                Provenance.currentLibraryVersion(), java.time.Instant.now().toString());
        Posterior posterior = new Posterior(model.parameterNames(), perChain, columns, sampler, adaptation, provenance,
                new Posterior.RunInfo(1000, draws / chains, true, 0, 0, 0, 0));
        MmmFit fit = MmmFit.of(model, posterior);
        FitFolder.write(fit, FitWriter.summaryOf(fit, FitMetadata.none()), out);
        System.out.println("wrote " + out + ": " + draws + " draws, " + rows + " periods, " + channels + " channels, "
                + p + " parameters");
    }
}
