package dev.mmm.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputDiagnosticsTest {

    /**
     * Two centred, orthogonal patterns of equal norm over 8 periods: u = (1,-1,1,-1,...),
     * v = (1,1,-1,-1,...). Spend {@code 10 + u} and {@code 10 + rho u + sqrt(1 - rho^2) v} then has
     * correlation exactly rho.
     */
    private static final double[] U = {1, -1, 1, -1, 1, -1, 1, -1};
    private static final double[] V = {1, 1, -1, -1, 1, 1, -1, -1};
    private static final double[] W = {1, 1, 1, 1, -1, -1, -1, -1};

    private static double[] combine(double level, double a, double[] x, double b, double[] y) {
        double[] out = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            out[t] = level + a * x[t] + b * y[t];
        }
        return out;
    }

    private static Map<String, double[]> columns(Object... nameThenValues) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenValues.length; i += 2) {
            m.put((String) nameThenValues[i], (double[]) nameThenValues[i + 1]);
        }
        return m;
    }

    @Test
    void knownCorrelationGivesKnownVifAndThePlainWarning() {
        double rho = 0.93;
        double[] tv = combine(10, 1, U, 0, V);
        double[] radio = combine(10, rho, U, Math.sqrt(1 - rho * rho), V);
        InputDiagnostics d = InputDiagnostics.of(columns("tv", tv, "radio", radio), Map.of());
        assertThat(d.correlation("tv", "radio")).isCloseTo(rho, within(1e-12));
        assertThat(d.correlation("radio", "tv")).isCloseTo(rho, within(1e-12));
        // with two columns VIF = 1 / (1 - rho^2) = 7.4: below 10, no VIF warning
        assertThat(d.column("tv").vif()).isCloseTo(1 / (1 - rho * rho), within(1e-9));
        assertThat(d.warnings()).containsExactly(
                "tv and radio are correlated 0.93: the model may not separate them; a lift test on one would help.");
    }

    @Test
    void orthogonalInputsHaveVifOneAndNoWarnings() {
        InputDiagnostics d = InputDiagnostics.of(columns("tv", combine(10, 1, U, 0, V), "search", combine(5, 1, V, 0, U)),
                columns("price", combine(3, 0.5, W, 0, U)));
        for (InputDiagnostics.Column c : d.columns()) {
            assertThat(c.vif()).as(c.name()).isCloseTo(1, within(1e-12));
        }
        assertThat(d.correlations()).hasSize(3).allSatisfy(c -> assertThat(c.pearson()).isCloseTo(0, within(1e-12)));
        assertThat(d.column("price").role()).isEqualTo(InputDiagnostics.CONTROL);
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void threeCorrelatedInputsHaveTheVifOfTheirCorrelationMatrix() {
        // a = u, b = (u + v) / sqrt 2, c = (u + w) / sqrt 2: corr(a,b) = corr(a,c) = 1/sqrt2, corr(b,c) = 1/2;
        // VIF_j = [R^-1]_jj of R = [[1, s, s], [s, 1, .5], [s, .5, 1]] with s = 1/sqrt2: 3, 2, 2
        double s = Math.sqrt(0.5);
        InputDiagnostics d = InputDiagnostics.of(columns("a", combine(10, 1, U, 0, V),
                "b", combine(10, s, U, s, V), "c", combine(10, s, U, s, W)), Map.of());
        assertThat(d.column("a").vif()).isCloseTo(3, within(1e-9));
        assertThat(d.column("b").vif()).isCloseTo(2, within(1e-9));
        assertThat(d.column("c").vif()).isCloseTo(2, within(1e-9));
    }

    @Test
    void exactCollinearityIsInfiniteVifSaidPlainly() {
        double[] tv = combine(10, 1, U, 0, V);
        double[] radio = combine(10, 1, V, 0, U);
        double[] total = combine(0, 1, tv, 2, radio);
        InputDiagnostics d = InputDiagnostics.of(columns("tv", tv, "radio", radio, "total", total), Map.of());
        assertThat(d.column("total").vif()).isInfinite();
        assertThat(d.warnings()).contains("total is an exact linear combination of the other inputs (VIF infinite):"
                + " its effect cannot be separated from theirs; drop or merge one of them.");
    }

    @Test
    void highVifIsReportedWithTheShareExplained() {
        // c = a + b + small noise: R^2 of c on (a, b) close to 1
        double[] a = combine(10, 1, U, 0, V);
        double[] b = combine(10, 1, V, 0, U);
        double[] c = combine(0, 1, a, 1, combine(0, 1, b, 0.2, W));
        InputDiagnostics d = InputDiagnostics.of(columns("a", a, "b", b), columns("c", c));
        // var(a + b) = 2, var(0.2 w) = 0.04: R^2 = 2 / 2.04, VIF = 51
        assertThat(d.column("c").vif()).isCloseTo(51, within(1e-8));
        assertThat(d.warnings()).contains(
                "c has VIF 51.0 (above 10): 98% of its variation is explained by the other inputs, so its effect will be uncertain.");
    }

    @Test
    void zeroSpendShareConstantSpendAndCoefficientOfVariation() {
        double[] search = new double[50];
        for (int t = 0; t < 50; t++) {
            search[t] = t % 50 < 31 ? 0 : t;
        }
        double[] flat = new double[50];
        java.util.Arrays.fill(flat, 100);
        double[] steady = new double[50];
        for (int t = 0; t < 50; t++) {
            steady[t] = t % 3 + 1;
        }
        InputDiagnostics d = InputDiagnostics.of(columns("search", search, "tv", flat, "radio", steady), Map.of());
        assertThat(d.column("search").zeroShare()).isEqualTo(0.62);
        assertThat(d.warnings()).contains(
                "search has no spend in 62% of periods (31 of 50): its effect rests on the few periods with spend.",
                "tv spends the same 100 in every period: its effect cannot be told apart from the intercept;"
                        + " only a change in spend (or a lift test) can reveal it.");
        assertThat(d.column("tv").constant()).isTrue();
        assertThat(d.column("tv").vif()).isNaN();
        assertThat(d.correlation("tv", "search")).isNaN();
        // 1, 2, 3 repeated: 17 ones, 17 twos, 16 threes
        double mean = (17 + 34 + 48) / 50.0;
        double ss = 17 * (1 - mean) * (1 - mean) + 17 * (2 - mean) * (2 - mean) + 16 * (3 - mean) * (3 - mean);
        assertThat(d.column("radio").coefficientOfVariation()).isCloseTo(Math.sqrt(ss / 49) / mean, within(1e-14));
    }

    @Test
    void aJsonWriterSerialisesThePlainFields() throws Exception {
        double[] tv = combine(10, 1, U, 0, V);
        InputDiagnostics d = InputDiagnostics.of(columns("tv", tv, "radio", combine(10, 0.9, U, Math.sqrt(0.19), V)),
                Map.of());
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(d);
        assertThat(json.get("periods").asInt()).isEqualTo(8);
        assertThat(json.get("columns").get(0).get("name").asText()).isEqualTo("tv");
        assertThat(json.get("columns").get(0).get("vif").asDouble()).isCloseTo(1 / 0.19, within(1e-9));
        assertThat(json.get("correlations").get(0).get("pearson").asDouble()).isCloseTo(0.9, within(1e-12));
        assertThat(json.get("warnings").get(0).asText()).startsWith("tv and radio are correlated 0.90");
    }

    @Test
    void badInputNamesTheColumnAndPeriod() {
        assertThatThrownBy(() -> InputDiagnostics.of(columns("tv", new double[] {1, -2, 3}), Map.of()))
                .hasMessage("channel 'tv' has negative spend -2.0 at period 2");
        assertThatThrownBy(() -> InputDiagnostics.of(columns("tv", new double[] {1, 2, 3}),
                columns("price", new double[] {1, Double.NaN, 3})))
                .hasMessage("control 'price' is NaN at period 2; every value must be finite");
        assertThatThrownBy(() -> InputDiagnostics.of(columns("tv", new double[] {1, 2, 3}),
                columns("tv", new double[] {1, 2, 3})))
                .hasMessage("column 'tv' is given as both channel and control");
        assertThatThrownBy(() -> InputDiagnostics.of(columns("tv", new double[] {1, 2, 3}, "radio", new double[] {1, 2}),
                Map.of()))
                .hasMessage("channel 'radio' has 2 periods, 'tv' has 3");
    }
}
