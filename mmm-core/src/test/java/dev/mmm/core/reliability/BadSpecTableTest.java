package dev.mmm.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.model.SpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of {@code docs/bad-specs.md} (bad JSON spec -> exact message) as a test: the input
 * must fail with a {@link SpecException} whose message is exactly the row's, one line, starting
 * with the JSON path.
 */
class BadSpecTableTest {

    private static final Pattern ROW = Pattern.compile("^\\|\\s*(\\d+)\\s*\\|\\s*([^|]+?)\\s*\\|\\s*`([^`]*)`\\s*\\|\\s*`([^`]*)`\\s*\\|\\s*$");

    static Path table() {
        String root = System.getProperty("mmm.projectRoot", "..");
        return Path.of(root, "docs", "bad-specs.md");
    }

    static List<Arguments> rows() {
        List<String> lines;
        try {
            lines = Files.readAllLines(table());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bad-spec table " + table(), e);
        }
        List<Arguments> rows = new ArrayList<>();
        for (String line : lines) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.add(Arguments.of(Integer.parseInt(m.group(1)), m.group(2), m.group(3), m.group(4)));
            } else if (line.startsWith("| ") && Character.isDigit(line.charAt(2))) {
                throw new IllegalStateException("malformed row in " + table() + ": " + line);
            }
        }
        return rows;
    }

    static Stream<Arguments> everyRow() {
        return rows().stream();
    }

    @Test
    void theTableCoversTheCasesTheIssueAsksFor() {
        List<Arguments> rows = rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(40);
        List<String> cases = rows.stream().map(a -> (String) a.get()[1]).toList();
        assertThat(cases).contains("unknown top-level key", "unknown adstock name", "unknown saturation name",
                "impossible prior HalfNormal sigma -1", "wrong type target", "missing target", "duplicate channel",
                "l_max 0", "negative Fourier order", "control listed twice", "control equal to target");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyRow")
    void badSpecGivesExactlyTheDocumentedMessage(int number, String name, String json, String message) {
        Throwable thrown = catchThrowable(() -> ModelSpec.fromJson(json));

        assertThat(thrown).as("row %d (%s)", number, name).isInstanceOf(SpecException.class);
        assertThat(thrown.getMessage()).as("row %d (%s)", number, name).isEqualTo(message)
                .startsWith("$").doesNotContain("\n");
    }
}
