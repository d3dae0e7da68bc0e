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
                .hasMessage("t.csv: column 'y\\ny', row 2: 'oops' is not a number");
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
    void aHugeNumericCellEndingInALetterIsRejectedInOnePass() {
        // 2,000,000 digits then a letter: the old backtracking pattern needed hours for this
        // (44 s already at 80,000 digits); the scanner reads each character once.
        String cell = "7".repeat(2_000_000) + "x";
        assertThatThrownBy(() -> parse("date,y\n2024-01-01," + cell + "\n", null))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("t.csv: column 'y', row 2: '" + "7".repeat(MessageText.MAX_VALUE_CHARS) + "... (2000001 characters)'")
                .hasMessageEndingWith("is not a number");
    }

    @Test
    void theScannerAcceptsExactlyThePlainDecimals() {
        for (String ok : List.of("0", "+1", "-1", "1.", ".5", "1.5", "1e5", "1E+5", "-1.5e-3", "007", "1.e2")) {
            assertThat(CsvReader.isPlainDecimal(ok)).as(ok).isTrue();
        }
        for (String bad : List.of("", "+", "-", ".", "e5", "1e", "1e+", "1.2.3", "1..2", "1e5.5", "++1", "1 2", "0x10",
                "1d", "١٢", "1e5x", ".e1")) {
            assertThat(CsvReader.isPlainDecimal(bad)).as(bad).isFalse();
        }
    }

    @Test
    void aHugeValidNumberIsReadToo() {
        String cell = "1" + "0".repeat(200) + "." + "5".repeat(1_000_000);
        assertThat(parse("date,y\n2024-01-01," + cell + "\n", null).column("y")[0]).isEqualTo(1e200);
    }

    @Test
    void aHugeHeaderGivesAShortMessage() {
        String header = "date," + "c".repeat(5_000_000) + "\u001b[31m";
        assertThatThrownBy(() -> parse(header + "\n2024-01-01,1\n", List.of("y")))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300).doesNotContain("\u001b")
                        .contains("... (5000005 characters)"));
    }

    @Test
    void controlCharactersInACellAreEscaped() {
        assertThatThrownBy(() -> parse("date,y\n2024-01-01,\"\u001b]0;pwned\u0007\"\n", null))
                .hasMessage("t.csv: column 'y', row 2: '\\u001b]0;pwned\\u0007' is not a number");
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
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(160)
                        .contains("... (105 characters)"));
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
    void anUnnamedColumnIsIgnoredWithAWarning() {
        Dataset d = parse("date,,y\n2024-01-01,1,2\n", null);
        assertThat(d.columnNames()).containsExactly("y");
        assertThat(d.readWarnings()).containsExactly(
                "t.csv: column 2 of the header (row 1) has no name and is ignored (a row index, as pandas writes by default?)");
    }

    @Test
    void aPandasExportWithItsDefaultIndexIsRead() {
        // pandas' DataFrame.to_csv() writes the index as a first column with an empty name.
        String csv = ",date,y,x\n0,2024-01-01,1.5,10\n1,2024-01-08,2.5,0\n";
        Dataset all = parse(csv, null);
        assertThat(all.columnNames()).containsExactly("y", "x");
        Dataset some = parse(csv, List.of("y"));
        assertThat(some.column("y")).containsExactly(1.5, 2.5);
        assertThat(some.readWarnings()).singleElement().asString().contains("column 1 of the header");
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
