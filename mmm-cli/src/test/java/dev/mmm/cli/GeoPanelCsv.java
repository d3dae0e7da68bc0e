package dev.mmm.cli;

import dev.mmm.core.geo.GeoData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiPredicate;

/** Writes (part of) a simulated geo panel as the long-format CSV that 'mmm fit-geo' and 'mmm predict' read. */
final class GeoPanelCsv {

    private GeoPanelCsv() {
    }

    /** Every geo's periods [from, to) with these columns (after date and geo), rows (geo g, period t) kept by {@code keep}. */
    static Path write(Path file, GeoData data, int from, int to, List<String> columns, BiPredicate<Integer, Integer> keep)
            throws IOException {
        StringBuilder csv = new StringBuilder("date,geo," + String.join(",", columns) + "\n");
        LocalDate[] dates = data.dates();
        for (int g = 0; g < data.geoCount(); g++) {
            for (int t = from; t < to; t++) {
                if (!keep.test(g, t)) {
                    continue;
                }
                csv.append(dates[t]).append(',').append(data.geos().get(g));
                for (String c : columns) {
                    csv.append(',').append(data.geo(g).column(c)[t]);
                }
                csv.append('\n');
            }
        }
        Files.writeString(file, csv);
        return file;
    }
}
