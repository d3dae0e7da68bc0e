package dev.mmm.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The adapters a posterior plugs into the optimiser through. */
class PosteriorDrawsTest {

    @Test
    void aMatrixAndAReaderGiveTheSameDraws() {
        double[][] rows = {{1, 2, 3}, {4, 5, 6}};
        PosteriorDraws matrix = PosteriorDraws.of(rows);
        PosteriorDraws reader = PosteriorDraws.of(2, (theta, d) -> System.arraycopy(rows[d], 0, theta, 0, 3));
        double[] a = new double[3];
        double[] b = new double[3];
        assertThat(matrix.count()).isEqualTo(2);
        assertThat(reader.count()).isEqualTo(2);
        for (int d = 0; d < 2; d++) {
            matrix.drawInto(d, a);
            reader.drawInto(d, b);
            assertThat(a).containsExactly(rows[d]);
            assertThat(b).containsExactly(rows[d]);
        }
        double[] point = {7, 8, 9};
        PosteriorDraws single = PosteriorDraws.single(point);
        point[0] = -1;
        single.drawInto(0, a);
        assertThat(single.count()).isEqualTo(1);
        assertThat(a).containsExactly(7, 8, 9);
    }

    @Test
    void anEmptyPosteriorIsRefused() {
        assertThatThrownBy(() -> PosteriorDraws.of(new double[0][])).hasMessageContaining("no draws");
        assertThatThrownBy(() -> PosteriorDraws.of(0, (theta, d) -> { })).hasMessageContaining("no draws");
    }
}
