package dev.mmm.core.reliability;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.ModelSpec;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Random;

/** Small synthetic datasets and specs shared by the reliability tests. */
final class ReliabilityData {

    private ReliabilityData() {
    }

    /** Weekly rows from 2020-01-06, a target, two channels and one control, all from {@code seed}. */
    static Dataset weekly(int rows, long seed) {
        Random rng = new Random(seed);
        LocalDate[] dates = new LocalDate[rows];
        double[] y = new double[rows];
        double[] x1 = new double[rows];
        double[] x2 = new double[rows];
        double[] price = new double[rows];
        for (int t = 0; t < rows; t++) {
            dates[t] = LocalDate.of(2020, 1, 6).plusWeeks(t);
            x1[t] = 100 + 900 * rng.nextDouble();
            x2[t] = rng.nextDouble() > 0.5 ? 40 * rng.nextDouble() : 0.0;
            price[t] = 10 + rng.nextGaussian();
            y[t] = 2000 + 1.5 * x1[t] + 8 * x2[t] - 30 * price[t] + 100 * rng.nextGaussian();
        }
        return of(dates, y, x1, x2, price);
    }

    static Dataset of(LocalDate[] dates, double[] y, double[] x1, double[] x2, double[] price) {
        LinkedHashMap<String, double[]> cols = new LinkedHashMap<>();
        cols.put("y", y);
        cols.put("x1", x1);
        cols.put("x2", x2);
        cols.put("price", price);
        return Dataset.of("date", dates, cols);
    }

    /** MODEL.md's default model over {@link #weekly}'s columns with yearly seasonality of order 2. */
    static ModelSpec defaultSpec() {
        return ModelSpec.builder().date("date").target("y").channels("x1", "x2").controls("price")
                .yearlySeasonality(2).build();
    }
}
