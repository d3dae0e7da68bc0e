package dev.mmm.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mmm.core.data.DataException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Long-format panels: split by geo in any row order, and every date problem named with its geo and date. */
class GeoDataTest {

    private static GeoData parse(String csv) throws IOException {
        return GeoData.parse(csv, "date", "geo", null, "panel.csv");
    }

    @Test
    void splitsRowsByGeoInFirstSeenOrderWhateverTheRowOrder() throws IOException {
        GeoData data = parse("""
                date,geo,y,pop
                2024-01-08,B,4,20
                2024-01-01,A,1,10
                2024-01-01,B,3,20
                2024-01-08,A,2,10
                """);
        assertThat(data.geos()).containsExactly("B", "A");
        assertThat(data.dates()).containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 8));
        assertThat(data.geo(0).column("y")).containsExactly(3, 4);
        assertThat(data.geo(1).column("y")).containsExactly(1, 2);
        assertThat(data.population("pop")).containsExactly(20, 10);
    }

    @Test
    void aMissingDateNamesTheGeoAndTheDate() {
        assertThatThrownBy(() -> parse("""
                date,geo,y
                2024-01-01,A,1
                2024-01-08,A,2
                2024-01-15,A,2
                2024-01-01,B,3
                2024-01-15,B,3
                """)).isInstanceOf(DataException.class)
                .hasMessage("geo 'B' has no row for date 2024-01-08; every geo needs the same regular dates");
    }

    @Test
    void anExtraDateADuplicateAndAGapAreNamed() {
        assertThatThrownBy(() -> parse("""
                date,geo,y
                2024-01-01,A,1
                2024-01-08,A,2
                2024-01-01,B,3
                2024-01-08,B,3
                2024-01-15,B,3
                """)).isInstanceOf(DataException.class)
                .hasMessage("geo 'B' has a row for date 2024-01-15 that geo 'A' has not; every geo needs the same regular dates");
        assertThatThrownBy(() -> parse("""
                date,geo,y
                2024-01-01,A,1
                2024-01-08,A,2
                2024-01-08,A,2
                """)).isInstanceOf(DataException.class)
                .hasMessage("geo 'A', date 2024-01-08: two rows (rows 3 and 4); each geo needs each date once");
        assertThatThrownBy(() -> parse("""
                date,geo,y
                2024-01-01,A,1
                2024-01-08,A,2
                2024-01-22,A,2
                """)).isInstanceOf(DataException.class)
                .hasMessage("geo 'A', date 2024-01-22: 14 days after 2024-01-08 but the data are every 7 days;"
                        + " every geo needs the same regular dates");
    }

    @Test
    void cellsAreCheckedByTheCsvReaderAndTheGeoColumnMustExist() {
        assertThatThrownBy(() -> parse("date,geo,y\n2024-01-01,A,oops\n")).isInstanceOf(DataException.class)
                .hasMessageContaining("'oops' is not a number").hasMessageContaining("y");
        assertThatThrownBy(() -> GeoData.parse("date,region,y\n2024-01-01,A,1\n", "date", "geo", null, "panel.csv"))
                .isInstanceOf(DataException.class)
                .hasMessage("panel.csv: geo column 'geo' not found; the columns are: date, region, y");
        assertThatThrownBy(() -> parse("date,geo,y\n2024-01-01,,1\n")).isInstanceOf(DataException.class)
                .hasMessage("geo column 'geo' row 2: empty cell, every row needs its geo");
    }

    @Test
    void populationMustBeConstantWithinAGeoAndPositive() throws IOException {
        GeoData data = parse("date,geo,pop\n2024-01-01,A,10\n2024-01-08,A,11\n");
        assertThatThrownBy(() -> data.population("pop")).isInstanceOf(DataException.class)
                .hasMessage("population column 'pop', geo 'A', date 2024-01-08: 11.0 differs from 10.0 on 2024-01-01;"
                        + " a geo's population must be constant");
        GeoData zero = parse("date,geo,pop\n2024-01-01,A,0\n");
        assertThatThrownBy(() -> zero.population("pop")).hasMessage("population column 'pop', geo 'A': must be > 0, got 0.0");
    }

    @Test
    void longColumnsGoBackGeoByGeo() throws IOException {
        GeoData data = parse("date,geo,y\n2024-01-01,A,1\n2024-01-01,B,3\n2024-01-08,A,2\n2024-01-08,B,4\n");
        assertThat(data.longColumns().get("y")).containsExactly(1, 2, 3, 4);
        assertThat(List.copyOf(data.longColumns().keySet())).containsExactly("y");
    }
}
