package dev.mmm.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of {@code bad-inputs.tsv} (the table in docs/bad-inputs.md): a fixture CSV read for a
 * model with date 'date', target 'sales', channels 'tv', 'radio', control 'price', adstock 8,
 * and the exact one-line message it must get.
 */
class BadInputsTest {

    static final List<String> COLUMNS = List.of("sales", "tv", "radio", "price");

    static Path inputs() throws URISyntaxException {
        return Path.of(BadInputsTest.class.getResource("inputs").toURI());
    }

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        Path table = Path.of(BadInputsTest.class.getResource("bad-inputs.tsv").toURI());
        return Files.readAllLines(table, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .map(line -> line.split("\t", 2))
                .map(parts -> Arguments.of(parts[0], parts[1]));
    }

    /** The path the CLI takes: read the needed columns, then validate. */
    static List<String> readAndValidate(Path file) throws IOException {
        Dataset data = CsvReader.read(file, "date", COLUMNS);
        return DataValidator.validate(data, "sales", List.of("tv", "radio"), List.of("price"), 8,
                DataValidator.defaultModelParameterCount(2, 1, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachBadInputGetsItsOneLineMessage(String file, String expected) throws Exception {
        assertThat(expected).doesNotContain("\n").isNotBlank();
        assertThatThrownBy(() -> readAndValidate(inputs().resolve(file)))
                .isInstanceOf(DataException.class)
                .hasMessage(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readingAllColumnsAlsoFailsCleanly(String file, String expected) throws Exception {
        // Whatever the column selection, a broken file only ever gives a DataException.
        Path path = inputs().resolve(file);
        try {
            Dataset data = CsvReader.read(path, "date");
            assertThat(data.rows()).isPositive();
        } catch (DataException e) {
            assertThat(e.getMessage()).doesNotContain("\n").isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void docsBadInputsMdListsTheMessage(String file, String expected) throws Exception {
        String root = System.getProperty("mmm.projectRoot");
        org.junit.jupiter.api.Assumptions.assumeTrue(root != null, "mmm.projectRoot not set (run through Maven)");
        Path doc = Path.of(root, "docs", "bad-inputs.md");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(doc), "docs/bad-inputs.md not found under " + root);
        assertThat(Files.readString(doc)).contains("| `" + file + "` | `" + expected + "` |");
    }

    @org.junit.jupiter.api.Test
    void theGoodFixturePasses() throws Exception {
        assertThat(readAndValidate(inputs().resolve("good.csv"))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aFolderIsADataExceptionNamingThePath() throws Exception {
        Path folder = inputs();
        assertThatThrownBy(() -> readAndValidate(folder))
                .isInstanceOf(DataException.class)
                .hasMessage(folder + ": is a folder, not a CSV file");
    }

    @org.junit.jupiter.api.Test
    void aMissingFileIsADataExceptionNamingThePath() throws Exception {
        Path missing = inputs().resolve("no-such-file.csv");
        assertThatThrownBy(() -> readAndValidate(missing))
                .isInstanceOf(DataException.class)
                .hasMessage(missing + ": file not found");
    }
}
