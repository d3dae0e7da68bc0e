package dev.mmm.core.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The CSV reader and the validator on arbitrary bytes: they must either return or throw a
 * {@link DataException}; any other exception fails the test. Without {@code JAZZER_FUZZ=1} this
 * replays the corpus in {@code src/test/resources/dev/mmm/core/data/CsvReaderFuzzTestInputs/}
 * (see docs/fuzzing.md for a real fuzzing run).
 */
class CsvReaderFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void readsOrRejectsCleanly(byte[] input) {
        // Arbitrary bytes decode with replacement characters, so the parser sees any text.
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            Dataset all = CsvReader.parse(text, "date", null, "fuzz.csv");
            check(all);
        } catch (DataException expected) {
            // The documented way to reject input.
        }
        try {
            Dataset some = CsvReader.parse(text, "date", List.of("y", "x"), "fuzz.csv");
            DataValidator.validate(some, "y", List.of("x"), List.of(), 2, 3);
        } catch (DataException expected) {
            // The documented way to reject input.
        }
    }

    private static void check(Dataset data) {
        if (data.rows() < 1) {
            throw new AssertionError("a data set without rows was returned");
        }
        for (String name : data.columnNames()) {
            for (double v : data.column(name)) {
                if (!Double.isFinite(v)) {
                    throw new AssertionError("a non-finite value was read into column '" + name + "'");
                }
            }
        }
        List<String> names = data.columnNames();
        if (names.size() >= 2) {
            DataValidator.validate(data, names.get(0), List.of(names.get(1)),
                    names.subList(2, Math.min(names.size(), 4)), 1, 2);
        }
    }
}
