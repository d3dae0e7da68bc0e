package dev.mmm.cli;

import dev.mmm.core.geo.GeoFit;
import dev.mmm.core.io.FitFolder;
import dev.mmm.core.model.MmmFit;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Loading a fit folder in a command that reads national fits only: a geo fit folder (written by
 * {@code mmm fit-geo}) is refused in one line that says what to use instead, with exit code 2,
 * rather than failing later on its geo spec with a message about the spec.
 */
final class NationalFits {

    private NationalFits() {
    }

    /** The national fit in {@code dir}; a geo fit is refused naming {@code command} and {@code instead}. */
    static MmmFit load(Path dir, String command, String instead) throws IOException {
        refuseGeo(dir, command, instead);
        return FitFolder.load(dir);
    }

    /** Refuses a geo fit folder (see {@link #load}); any other folder passes. */
    static void refuseGeo(Path dir, String command, String instead) {
        if (GeoFit.isGeoFit(dir)) {
            throw new UsageException(dir + " is a geo fit (it has " + GeoFit.GEO_FILE + "); 'mmm " + command
                    + "' reads national fits only: " + instead);
        }
    }
}
