package dev.mmm.core.calibration;

import dev.mmm.core.data.Dataset;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Random;

/** Small seeded data sets for the calibration tests. */
final class CalibrationFixtures {

    static final LocalDate START = LocalDate.of(2022, 1, 3);

    private CalibrationFixtures() {
    }

    static LocalDate week(int t) {
        return START.plusWeeks(t);
    }

    static LocalDate[] dates(int weeks) {
        LocalDate[] d = new LocalDate[weeks];
        for (int t = 0; t < weeks; t++) {
            d[t] = week(t);
        }
        return d;
    }

    /** Channels x1 (always on), x2 (bursty), control z, and a positive target y of no particular model. */
    static Dataset small(int weeks, long seed) {
        Random rng = new Random(seed);
        double[] x1 = new double[weeks];
        double[] x2 = new double[weeks];
        double[] z = new double[weeks];
        double[] y = new double[weeks];
        for (int t = 0; t < weeks; t++) {
            x1[t] = 500 + 500 * rng.nextDouble();
            x2[t] = rng.nextDouble() < 0.3 ? 0.0 : 800 * rng.nextDouble();
            z[t] = rng.nextGaussian();
            y[t] = 2000 + 300 * rng.nextGaussian() + 0.4 * x1[t] + 0.3 * x2[t];
        }
        LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
        columns.put("y", y);
        columns.put("x1", x1);
        columns.put("x2", x2);
        columns.put("z", z);
        return Dataset.of("date", dates(weeks), columns);
    }
}
