package dev.mmm.core.geo;

import dev.mmm.core.calibration.LiftTest;
import java.util.Objects;

/**
 * A lift test run in one geo: the {@link LiftTest} (channel, window, spend change, measured lift
 * and its standard error, likelihood) with the geo it was run in. The model's lift is that geo's
 * own counterfactual: its channel's spend over the window scaled by {@code 1 - deltaSpend /
 * windowSpend}, the difference in expected target summed over the measured periods (the test's
 * end plus {@code l_max - 1} periods by default, clipped at the data's end), in target units.
 */
public record GeoLiftTest(String geo, LiftTest test) {

    public GeoLiftTest {
        if (geo == null || geo.isBlank()) {
            throw new IllegalArgumentException("geo: missing; a geo lift test names the geo it was run in");
        }
        Objects.requireNonNull(test, "test");
    }
}
