package dev.mmm.core.model;

import dev.mmm.core.data.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;

/** Reads PyMC-Marketing's example data set (a test resource, see its README) with a trivial CSV parser. */
final class ExampleData {

    private ExampleData() {
    }

    /** The data set's file among the test resources. */
    static Path file() {
        try {
            return Path.of(ExampleData.class.getResource("pymc_marketing_mmm_example.csv").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Dataset pymcExample() throws IOException {
        List<String> lines = Files.readAllLines(file());
        String[] header = lines.get(0).split(",");
        int n = lines.size() - 1;
        LocalDate[] dates = new LocalDate[n];
        double[][] values = new double[header.length][n];
        for (int r = 0; r < n; r++) {
            String[] cells = lines.get(r + 1).split(",");
            dates[r] = LocalDate.parse(cells[0]);
            for (int c = 1; c < header.length; c++) {
                values[c][r] = Double.parseDouble(cells[c]);
            }
        }
        LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
        for (int c = 1; c < header.length; c++) {
            columns.put(header[c], values[c]);
        }
        return Dataset.of(header[0], dates, columns);
    }

    /** The default model of the example as PyMC-Marketing's notebook sets it up. */
    static ModelSpec pymcExampleSpec() {
        return ModelSpec.builder().date("date_week").target("y").channels("x1", "x2")
                .controls("event_1", "event_2", "t").yearlySeasonality(2).build();
    }
}
