package dev.mmm.examples;

import dev.mmm.core.data.CsvReader;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.sampler.SamplerSettings;
import java.nio.file.Path;

/** Read a CSV, build the default model, fit it, print the posterior summary. */
public final class QuickStart {

    public static void main(String[] args) throws Exception {
        Dataset data = CsvReader.read(Path.of(args.length > 0 ? args[0] : "mmm-core/src/test/resources/dev/mmm/core/model/pymc_marketing_mmm_example.csv"), "date_week");
        ModelSpec spec = ModelSpec.builder()
                .date("date_week").target("y")
                .channels("x1", "x2").controls("event_1", "event_2", "t")
                .yearlySeasonality(2)
                .build();
        MmmFit fit = Mmm.fit(spec, data, SamplerSettings.builder().seed(1).build());
        fit.summary().forEach(p -> System.out.printf("%-16s mean %8.4f  90%% [%8.4f, %8.4f]  rhat %.3f%n",
                p.name(), p.mean(), p.q05(), p.q95(), p.rhat()));
    }

    private QuickStart() {
    }
}
