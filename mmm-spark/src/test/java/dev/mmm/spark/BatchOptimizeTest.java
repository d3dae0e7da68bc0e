package dev.mmm.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** A budgets table's cells and a failed group's row, without Spark (the batch itself: BatchRefreshOptimizeTest). */
class BatchOptimizeTest {

    private static final GroupKey NORTH = new GroupKey(List.of("region"), List.of("north"));

    @Test
    void aBudgetCellIsANumberAtLeastZeroOrEmpty() {
        assertThat(BatchOptimize.budgetOf("1250.5", "budget", NORTH)).isEqualTo(1250.5);
        assertThat(BatchOptimize.budgetOf(" 0 ", "budget", NORTH)).isEqualTo(0.0);
        assertThat(BatchOptimize.budgetOf("", "budget", NORTH)).isNull();
        assertThat(BatchOptimize.budgetOf(null, "budget", NORTH)).isNull();
        assertThatThrownBy(() -> BatchOptimize.budgetOf("lots", "q1_budget", NORTH))
                .hasMessage("group region=north: budget column 'q1_budget' is 'lots', not a finite number at least 0");
        assertThatThrownBy(() -> BatchOptimize.budgetOf("-5", "budget", NORTH)).hasMessageContaining("'-5'");
        assertThatThrownBy(() -> BatchOptimize.budgetOf("Infinity", "budget", NORTH)).hasMessageContaining("'Infinity'");
    }

    @Test
    void aFailedGroupHasOneRowOfTheSchemaWithoutAChannel() {
        Row row = OptimizeResult.failed(NORTH, null, 13, "no fit for this group: fits/north");
        assertThat(row.length()).isEqualTo(OptimizeResult.schema(NORTH.columns()).fields().length);
        assertThat(row.get(0)).isEqualTo("north");
        assertThat(row.get(1)).isEqualTo("north");
        assertThat(row.get(2)).isEqualTo("error");
        assertThat(row.get(3)).isEqualTo("no fit for this group: fits/north");
        assertThat(row.get(5)).isEqualTo(13);
        assertThat(row.get(6)).isNull();
    }
}
