package dev.mmm.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DataValidatorTest {

    private static Dataset weekly(int n, Map<String, double[]> columns) {
        LocalDate[] dates = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            dates[i] = LocalDate.of(2022, 1, 3).plusWeeks(i);
        }
        return Dataset.of("week", dates, columns);
    }

    private static double[] random(int n, long seed, double lo, double hi) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * rng.nextDouble();
        }
        return v;
    }

    private static Map<String, double[]> columns(int n) {
        Map<String, double[]> c = new LinkedHashMap<>();
        c.put("y", random(n, 1, 50, 100));
        c.put("a", random(n, 2, 0, 10));
        c.put("b", random(n, 3, 0, 10));
        c.put("k", random(n, 4, -1, 1));
        return c;
    }

    private static List<String> validate(Dataset d) {
        return DataValidator.validate(d, "y", List.of("a", "b"), List.of("k"), 8, DataValidator.defaultModelParameterCount(2, 1, 0));
    }

    @Test
    void parameterCountOfTheDefaultModelFollowsModelMd() {
        // PyMC example: 2 channels, 3 controls, Fourier order 2.
        assertThat(DataValidator.defaultModelParameterCount(2, 3, 2)).isEqualTo(15);
    }

    @Test
    void exactlyTheMinimumNumberOfRowsPassesAndOneFewerFails() {
        int needed = DataValidator.defaultModelParameterCount(2, 1, 0) + 8;
        assertThat(validate(weekly(needed, columns(needed)))).isEmpty();
        assertThatThrownBy(() -> validate(weekly(needed - 1, columns(needed - 1))))
                .isInstanceOf(DataException.class)
                .hasMessage("only 16 rows: a model with 9 parameters and an adstock of 8 periods needs at least 17 rows");
    }

    @Test
    void aColumnInTwoRolesIsAnError() {
        Dataset d = weekly(30, columns(30));
        assertThatThrownBy(() -> DataValidator.validate(d, "y", List.of("a", "a"), List.of(), 8, 8))
                .hasMessage("column 'a' is given more than once (as target, channel or control)");
        assertThatThrownBy(() -> DataValidator.validate(d, "y", List.of("a"), List.of("y"), 8, 8))
                .hasMessage("column 'y' is given more than once (as target, channel or control)");
    }

    @Test
    void nanAndInfinityBuiltInJavaAreCaught() {
        Map<String, double[]> c = columns(30);
        c.get("k")[4] = Double.NaN;
        assertThatThrownBy(() -> validate(weekly(30, c)))
                .hasMessage("column 'k', row 6 (2022-01-31): NaN (missing values are not allowed)");
        c.get("k")[4] = 0;
        c.get("y")[0] = Double.NEGATIVE_INFINITY;
        assertThatThrownBy(() -> validate(weekly(30, c)))
                .hasMessage("column 'y', row 2 (2022-01-03): infinite value");
    }

    @Test
    void aTargetWithoutAPositiveValueIsAnError() {
        Map<String, double[]> c = columns(30);
        c.put("y", random(30, 9, -5, -1));
        assertThatThrownBy(() -> validate(weekly(30, c)))
                .hasMessage("target 'y' has no positive value; the model scales it by its maximum");
    }

    @Test
    void dailyAndMonthlyCadencesAreAcceptedIncludingMonthEnds() {
        LocalDate[] daily = {LocalDate.of(2024, 2, 27), LocalDate.of(2024, 2, 28), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 1)};
        DataValidator.checkDates("d", daily);
        LocalDate[] monthStarts = {LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 1)};
        DataValidator.checkDates("d", monthStarts);
        LocalDate[] monthEnds = {LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 31), LocalDate.of(2024, 4, 30)};
        DataValidator.checkDates("d", monthEnds);
    }

    private static LocalDate[] monthsFrom(LocalDate first, int step, int n) {
        LocalDate[] d = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            d[i] = first.plusMonths((long) step * i);
        }
        return d;
    }

    @Test
    void monthlyDataOnThe30thKeepsItsDayAfterFebruary() {
        // 2023-01-30, 2023-02-28, 2023-03-30, ...: 29 then 30 days, one calendar month each.
        DataValidator.checkDates("d", monthsFrom(LocalDate.of(2023, 1, 30), 1, 14));
        DataValidator.checkDates("d", monthsFrom(LocalDate.of(2023, 10, 29), 1, 8));
    }

    @Test
    void quarterlyDataAreCalendarQuarters() {
        // 90, 91 and 92 days apart.
        DataValidator.checkDates("q", monthsFrom(LocalDate.of(2021, 1, 1), 3, 12));
        DataValidator.checkDates("q", monthsFrom(LocalDate.of(2021, 3, 31), 3, 12));
    }

    @Test
    void yearlyDataCrossLeapYears() {
        DataValidator.checkDates("y", monthsFrom(LocalDate.of(2015, 7, 1), 12, 10));
        DataValidator.checkDates("y", monthsFrom(LocalDate.of(2016, 2, 29), 12, 6));
    }

    @Test
    void aMissingQuarterIsAGap() {
        LocalDate[] q = monthsFrom(LocalDate.of(2021, 1, 1), 3, 8);
        LocalDate[] gapped = new LocalDate[7];
        System.arraycopy(q, 0, gapped, 0, 4);
        System.arraycopy(q, 5, gapped, 4, 3);
        assertThatThrownBy(() -> DataValidator.checkDates("q", gapped))
                .hasMessage("date column 'q': row 6 (2022-04-01) is 182 days after row 5 (2021-10-01) but the data are quarterly;"
                        + " fill the gap (zero spend) or remove the extra row");
    }

    @Test
    void withSixRowsTheFirstMessageIsTheRowCount() {
        // Six rows that also have a gap, a constant target and a zero channel: the row count comes first.
        Map<String, double[]> c = new LinkedHashMap<>();
        c.put("y", new double[] {5, 5, 5, 5, 5, 5});
        c.put("a", new double[6]);
        c.put("b", random(6, 3, 0, 10));
        c.put("k", random(6, 4, -1, 1));
        LocalDate[] dates = new LocalDate[6];
        for (int i = 0; i < 6; i++) {
            dates[i] = LocalDate.of(2022, 1, 3).plusWeeks(i == 5 ? 7 : i);
        }
        assertThatThrownBy(() -> validate(Dataset.of("week", dates, c)))
                .hasMessage("only 6 rows: a model with 9 parameters and an adstock of 8 periods needs at least 17 rows");
    }

    @Test
    void rowsAreNamedAsTheFileShowsThemEvenAfterBlankLines() {
        String csv = "date,y,a,b,k\n" + "\n".repeat(3) + String.join("\n", java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> LocalDate.of(2022, 1, 3).plusWeeks(i) + "," + (50 + i) + "," + (i == 9 ? -1 : 1 + i % 3) + ","
                        + (2 + i % 5) + "," + (i % 2))
                .toList()) + "\n";
        Dataset d = CsvReader.parse(csv, "date", null, "t.csv");
        // Data row 9 (0-based) is file row 2 + 3 blank lines + 9 = 14.
        assertThatThrownBy(() -> validate(d)).hasMessage("channel 'a', row 14 (2022-03-07): negative spend -1.0");
    }

    @Test
    void aMissingMonthIsAGap() {
        LocalDate[] months = {LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1), LocalDate.of(2024, 4, 1), LocalDate.of(2024, 5, 1)};
        assertThatThrownBy(() -> DataValidator.checkDates("d", months))
                .hasMessage("date column 'd': row 4 (2024-04-01) is 60 days after row 3 (2024-02-01) but the data are monthly;"
                        + " fill the gap (zero spend) or remove the extra row");
    }

    @Test
    void anExtraDayInDailyDataIsCaught() {
        LocalDate[] days = {LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 5)};
        assertThatThrownBy(() -> DataValidator.checkDates("d", days))
                .hasMessageContaining("row 5 (2024-01-05) is 2 days after row 4 (2024-01-03) but the data are daily");
    }

    @Test
    void independentColumnsGiveNoCollinearityWarning() {
        assertThat(DataValidator.collinearityWarnings(weekly(60, columns(60)), List.of("a", "b", "k"))).isEmpty();
    }

    @Test
    void aNearCopyOfAChannelIsReportedWithItsVif() {
        Map<String, double[]> c = columns(60);
        double[] a = c.get("a");
        double[] noise = random(60, 11, -0.3, 0.3);
        double[] b = new double[60];
        for (int i = 0; i < 60; i++) {
            b[i] = 0.5 * a[i] + noise[i] + 0.3;
        }
        c.put("b", b);
        List<String> warnings = validate(weekly(60, c));
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).startsWith("column 'a' is strongly collinear with the other channels and controls (VIF ");
        assertThat(warnings.get(1)).startsWith("column 'b' is strongly collinear");
        assertThat(warnings).noneMatch(w -> w.startsWith("column 'k'"));
    }

    @Test
    void vifMatchesOneOverOneMinusRSquaredForTwoColumns() {
        // With two columns, R^2 is their squared correlation.
        Map<String, double[]> c = columns(200);
        double[] a = c.get("a");
        double[] noise = random(200, 12, -1, 1);
        double[] b = new double[200];
        for (int i = 0; i < 200; i++) {
            b[i] = a[i] + 0.6 * noise[i];
        }
        c.put("b", b);
        Dataset d = weekly(200, c);
        double r = correlation(a, b);
        double expectedVif = 1 / (1 - r * r);
        List<String> w = DataValidator.collinearityWarnings(d, List.of("a", "b"));
        assertThat(expectedVif).isGreaterThan(10);
        assertThat(w.get(0)).contains(String.format(java.util.Locale.ROOT, "VIF %.1f", expectedVif));
    }

    private static double correlation(double[] u, double[] v) {
        double mu = java.util.Arrays.stream(u).average().orElseThrow();
        double mv = java.util.Arrays.stream(v).average().orElseThrow();
        double suv = 0, suu = 0, svv = 0;
        for (int i = 0; i < u.length; i++) {
            suv += (u[i] - mu) * (v[i] - mv);
            suu += (u[i] - mu) * (u[i] - mu);
            svv += (v[i] - mv) * (v[i] - mv);
        }
        return suv / Math.sqrt(suu * svv);
    }

    @Test
    void anExactLinearCombinationIsNamedAsSuch() {
        Map<String, double[]> c = columns(40);
        double[] a = c.get("a");
        double[] k = c.get("k");
        double[] b = new double[40];
        for (int i = 0; i < 40; i++) {
            b[i] = 2 * a[i] - 3 * k[i] + 7;
        }
        c.put("b", b);
        List<String> w = validate(weekly(40, c));
        assertThat(w).contains("column 'b' is an exact linear combination of the other channels and controls; their effects cannot be separated");
    }

    @Test
    void aConstantControlIsAWarningNotAnError() {
        Map<String, double[]> c = columns(30);
        c.put("k", new double[30]);
        assertThat(validate(weekly(30, c)))
                .containsExactly("column 'k' is constant; it cannot be told apart from the intercept");
    }

    @Test
    void theSparseAndCollinearFixturesGiveWarningsNotErrors() throws Exception {
        java.nio.file.Path dir = BadInputsTest.inputs();
        assertThat(BadInputsTest.readAndValidate(dir.resolve("sparse-channel.csv")))
                .containsExactly("channel 'radio' has spend in only 1 of 30 periods (3.3%); its effect will be poorly identified");
        assertThat(BadInputsTest.readAndValidate(dir.resolve("collinear-channels.csv")))
                .hasSize(2).allMatch(w -> w.contains("strongly collinear"));
    }
}
