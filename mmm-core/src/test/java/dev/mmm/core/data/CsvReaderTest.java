package dev.mmm.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static Dataset parse(String text, List<String> columns) {
        return CsvReader.parse(text, "date", columns, "t.csv");
    }

    @Test
    void readsEveryNumericColumnInHeaderOrderByDefault() {
        Dataset d = parse("date,y,x\n2024-01-01,1.5,2\n2024-01-08,-3e2,.25\n", null);
        assertThat(d.columnNames()).containsExactly("y", "x");
        assertThat(d.dateColumn()).isEqualTo("date");
        assertThat(d.dates()).containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 8));
        assertThat(d.column("y")).containsExactly(1.5, -300.0);
        assertThat(d.column("x")).containsExactly(2.0, 0.25);
    }

    @Test
    void keepsOnlyTheRequestedColumnsInTheRequestedOrderAndIgnoresTheRest() {
        Dataset d = parse("geo,date,y,x\nnorth,2024-01-01,1,2\nsouth,2024-01-08,3,4\n", List.of("x", "y"));
        assertThat(d.columnNames()).containsExactly("x", "y");
        assertThat(d.column("x")).containsExactly(2.0, 4.0);
    }

    @Test
    void handlesBomCrlfQuotesSpacesAndTrailingBlankLines() throws Exception {
        Dataset d = CsvReader.read(
                java.nio.file.Path.of(getClass().getResource("inputs/quirky-valid.csv").toURI()), "date",
                List.of("sales", "radio, fm"));
        assertThat(d.rows()).isEqualTo(30);
        assertThat(d.date(0)).isEqualTo(LocalDate.of(2023, 1, 2));
        assertThat(d.column("sales")[0]).isEqualTo(965.39);
        assertThat(d.column("radio, fm")[0]).isEqualTo(32.55);
    }

    @Test
    void quotedFieldsMayHoldCommasDoubledQuotesAndLineBreaks() {
        Dataset d = parse("date,\"a \"\"b\"\", c\",\"multi\nline\"\n2024-01-01,\"1\",\"2\"\n", null);
        assertThat(d.columnNames()).containsExactly("a \"b\", c", "multi\nline");
        assertThat(d.column("multi\nline")).containsExactly(2.0);
    }

    @Test
    void rowNumbersAreSpreadsheetRowsCountingBlankLinesAndTheHeader() {
        // Header row 1, data rows 2 and 3, blank row 4, bad value on row 5.
        assertThatThrownBy(() -> parse("date,y\n2024-01-01,1\n2024-01-08,2\n\n2024-01-15,x\n", null))
                .isInstanceOf(DataException.class)
                .hasMessage("t.csv: column 'y', row 5: 'x' is not a number");
    }

    @Test
    void aRecordSpanningLinesCountsAsOneRow() {
        assertThatThrownBy(() -> parse("date,\"y\ny\"\n2024-01-01,oops\n", null))
                .hasMessage("t.csv: column 'y\ny', row 2: 'oops' is not a number");
    }

    @Test
    void rejectsWhatJavaWouldSilentlyAcceptAsADouble() {
        for (String cell : List.of("1d", "2f", "0x1p3", "1_000", "1.2.3", "e5", "+", "--1", "1e")) {
            assertThatThrownBy(() -> parse("date,y\n2024-01-01," + cell + "\n", null))
                    .as(cell)
                    .isInstanceOf(DataException.class)
                    .hasMessage("t.csv: column 'y', row 2: '" + cell + "' is not a number");
        }
    }

    @Test
    void acceptsSignsLeadingDotsAndExponents() {
        Dataset d = parse("date,y\n2024-01-01,+1\n2024-01-08,-.5\n2024-01-15,1E-3\n2024-01-22,7.\n", null);
        assertThat(d.column("y")).containsExactly(1.0, -0.5, 0.001, 7.0);
    }

    @Test
    void aLongOrMultiLineBadCellIsClippedToOneShortLine() {
        String cell = "\"" + "z".repeat(100) + "\nmore\"";
        assertThatThrownBy(() -> parse("date,y\n2024-01-01," + cell + "\n", null))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(120));
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        assertThatThrownBy(() -> parse("date,y\n2024-01-01,\"1\"2\n", null))
                .hasMessage("t.csv: row 2, field 2: text after the closing quote");
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsAnError() {
        assertThatThrownBy(() -> parse("date,y\n2024-01-01,1\"2\"\n", null))
                .hasMessage("t.csv: row 2, field 2: a quote (\") in the middle of a field; quote the whole field and double inner quotes");
    }

    @Test
    void theDateColumnCannotAlsoBeNumeric() {
        assertThatThrownBy(() -> parse("date,y\n2024-01-01,1\n", List.of("date")))
                .hasMessage("t.csv: column 'date' is the date column and cannot also be numeric");
    }

    @Test
    void anEmptyHeaderNameIsAnError() {
        assertThatThrownBy(() -> parse("date,,y\n2024-01-01,1,2\n", null))
                .hasMessage("t.csv: the header (row 1) has an empty column name at position 2");
    }

    @Test
    void blankLinesOnlyIsAnEmptyFile() {
        assertThatThrownBy(() -> parse("\n\n  \n", null)).hasMessage("t.csv: the file is empty");
    }

    @Test
    void impossibleCalendarDatesAreRejected() {
        assertThatThrownBy(() -> parse("date,y\n2023-02-29,1\n", null))
                .hasMessage("t.csv: column 'date', row 2: '2023-02-29' is not an ISO date (yyyy-MM-dd)");
    }
}
