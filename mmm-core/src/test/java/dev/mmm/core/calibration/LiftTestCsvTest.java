package dev.mmm.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mmm.core.data.DataException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiftTestCsvTest {

    private static List<LiftTest> read(String text) throws Exception {
        return LiftTestCsv.read(new StringReader(text), "lift.csv");
    }

    @Test
    void readsColumnsByNameWithTheOptionalOnes() throws Exception {
        List<LiftTest> tests = read("se,lift,channel,start,end,delta_spend,measured_until,likelihood\n"
                + "30,120,tv,2023-03-06,2023-03-27,150,,\n"
                + "10,-40,radio,2023-04-03,2023-04-10,-80,2023-04-10,gamma\n");
        assertThat(tests).containsExactly(
                LiftTest.of("tv", LocalDate.of(2023, 3, 6), LocalDate.of(2023, 3, 27), 150, 120, 30),
                new LiftTest("radio", LocalDate.of(2023, 4, 3), LocalDate.of(2023, 4, 10), -80, -40, 10,
                        LocalDate.of(2023, 4, 10), LiftLikelihood.GAMMA));
    }

    @Test
    void errorsNameTheFileRowAndColumn() {
        String header = "channel,start,end,delta_spend,lift,se\n";
        assertThatThrownBy(() -> read("channel,start,end,lift,se\n")).isInstanceOf(DataException.class)
                .hasMessageStartingWith("lift.csv: no column 'delta_spend'");
        assertThatThrownBy(() -> read(header.replace("se\n", "se,note\n"))).hasMessageStartingWith("lift.csv: unknown column 'note'");
        assertThatThrownBy(() -> read(header + "tv,2023-03-06,27/03/2023,150,120,30\n"))
                .hasMessage("lift.csv row 2 column 'end': '27/03/2023' is not an ISO date (yyyy-mm-dd)");
        assertThatThrownBy(() -> read(header + "tv,2023-03-06,2023-03-27,150,lots,30\n"))
                .hasMessage("lift.csv row 2 column 'lift': 'lots' is not a finite number");
        assertThatThrownBy(() -> read(header + "tv,2023-03-06,2023-03-27,150,120,30\ntv,2023-03-06,2023-03-27,150,-120,30\n"))
                .hasMessageStartingWith("lift.csv row 3: lift -120.0 has the opposite sign of the spend change 150.0");
        assertThatThrownBy(() -> read(header + "tv,2023-03-06,2023-03-27,150,120\n"))
                .hasMessage("lift.csv row 2: 5 fields, the header has 6");
        assertThatThrownBy(() -> read("")).hasMessageStartingWith("lift.csv: empty file");
    }

    @Test
    void aGeoFileNamesEachTestsGeoAndANationalFileRefusesTheColumn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("geo-lifts.csv");
        java.nio.file.Files.writeString(file, "geo,channel,start,end,delta_spend,lift,se\n"
                + "North,tv,2023-03-06,2023-03-27,150,120,30\n");
        List<LiftTestCsv.Row> rows = LiftTestCsv.readWithGeo(file);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).geo()).isEqualTo("North");
        assertThat(rows.get(0).test().lift()).isEqualTo(120.0);
        assertThatThrownBy(() -> read("geo,channel,start,end,delta_spend,lift,se\nNorth,tv,2023-03-06,2023-03-27,150,120,30\n"))
                .hasMessageContaining("unknown column 'geo'").hasMessageContaining("geo fit");
        java.nio.file.Files.writeString(file, "channel,start,end,delta_spend,lift,se\ntv,2023-03-06,2023-03-27,150,120,30\n");
        assertThatThrownBy(() -> LiftTestCsv.readWithGeo(file)).hasMessageContaining("no column 'geo'");
        java.nio.file.Files.writeString(file, "geo,channel,start,end,delta_spend,lift,se\n,tv,2023-03-06,2023-03-27,150,120,30\n");
        assertThatThrownBy(() -> LiftTestCsv.readWithGeo(file)).hasMessageContaining("row 2 column 'geo': empty");
    }
}
