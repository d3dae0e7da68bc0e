package dev.mmm.cli;

import dev.mmm.core.data.DataException;
import dev.mmm.core.geo.GeoData;
import dev.mmm.core.geo.GeoModel;
import java.nio.file.Path;
import java.util.List;

/** Checks of a long-format file of future periods (a forecast's inputs, a plan) against a geo fit. */
final class GeoInputs {

    private GeoInputs() {
    }

    /** Every geo of {@code rows} must be a geo of the fit, and every geo of the fit must be there. */
    static void requireFittedGeos(Path file, GeoModel model, GeoData rows) {
        List<String> geos = model.geos();
        for (String g : rows.geos()) {
            if (!geos.contains(g)) {
                throw new DataException(file + ": geo '" + g + "' (column '" + model.spec().geoColumn()
                        + "') is not a geo of the fit, whose geos are " + String.join(", ", geos));
            }
        }
        for (String g : geos) {
            if (!rows.geos().contains(g)) {
                throw new DataException(file + ": no rows for geo '" + g + "'; every geo of the fit ("
                        + String.join(", ", geos) + ") needs the future periods");
            }
        }
    }
}
