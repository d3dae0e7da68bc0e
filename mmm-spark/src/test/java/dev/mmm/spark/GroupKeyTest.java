package dev.mmm.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupKeyTest {

    private static GroupKey key(String... values) {
        List<String> columns = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            columns.add("c" + i);
        }
        return new GroupKey(columns, Arrays.asList(values));
    }

    @Test
    void theSeedIsTheDocumentedSha256OfMasterSeedAndCanonicalText() {
        // Pinned from Python's hashlib: int.from_bytes(sha256(b'7:["s1"]').digest()[:8], 'big') & (2**63 - 1).
        // A batch must keep giving old groups their old seeds, so this value may never change.
        assertThat(key("s1").canonicalText()).isEqualTo("[\"s1\"]");
        assertThat(key("s1").seed(7)).isEqualTo(4831021306557532014L);
        assertThat(key("north", "3").seed(1)).isEqualTo(1966069614898222688L);
    }

    @Test
    void seedsDependOnTheValuesTheirOrderAndTheMasterSeedOnly() {
        assertThat(key("north", "3").seed(1)).isEqualTo(key("north", "3").seed(1));
        assertThat(new GroupKey(List.of("region", "store"), List.of("north", "3")).seed(1))
                .as("column names do not enter").isEqualTo(key("north", "3").seed(1));
        assertThat(key("3", "north").seed(1)).isNotEqualTo(key("north", "3").seed(1));
        assertThat(key("north", "3").seed(2)).isNotEqualTo(key("north", "3").seed(1));
        // Joining values with a separator would make these two one key; the JSON array keeps them apart.
        assertThat(key("a,b", "c").seed(1)).isNotEqualTo(key("a", "b,c").seed(1));
        Set<Long> seeds = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            long s = key("store-" + i).seed(42);
            assertThat(s).isNotNegative();
            seeds.add(s);
        }
        assertThat(seeds).hasSize(1000);
    }

    @Test
    void canonicalTextRoundTripsWithNulls() {
        GroupKey k = new GroupKey(List.of("a", "b", "c"), Arrays.asList("x \"q\"", null, ""));
        assertThat(k.canonicalText()).isEqualTo("[\"x \\\"q\\\"\",null,\"\"]");
        assertThat(GroupKey.parse(k.columns(), k.canonicalText())).isEqualTo(k);
        assertThat(k.nullColumn()).isEqualTo("b");
        assertThat(key("x").nullColumn()).isNull();
    }

    @Test
    void foldersAreSafeAndDistinct() {
        assertThat(key("north", "3").folder()).isEqualTo("north/3");
        assertThat(key("a/b").folder()).isEqualTo("a%2Fb");
        assertThat(key("..").folder()).isEqualTo("%2E.");
        assertThat(key(".hidden").folder()).isEqualTo("%2Ehidden");
        assertThat(key("v1.2").folder()).isEqualTo("v1.2");
        assertThat(key("").folder()).isEqualTo("%22%22");
        assertThat(new GroupKey(List.of("c"), Arrays.asList((String) null)).folder()).isEqualTo("%00");
        assertThat(key("Zürich 1").folder()).isEqualTo("Z%C3%BCrich%201");
        assertThat(key("100%").folder()).isEqualTo("100%25");
        // A value that looks like an encoding gets its % encoded, so it cannot meet the real thing.
        assertThat(key("a%2Fb").folder()).isNotEqualTo(key("a/b").folder());
    }

    @Test
    void aFolderGivesBackItsKey() {
        for (GroupKey k : List.of(key("north", "3"), key("a/b"), key(".."), key(".hidden"), key(""), key("Zürich 1"),
                key("100%"), key("a%2Fb"), new GroupKey(List.of("c0", "c1"), Arrays.asList(null, "x")))) {
            assertThat(GroupKey.fromFolder(k.columns(), k.folder())).isEqualTo(k);
        }
        assertThatThrownBy(() -> GroupKey.fromFolder(List.of("region", "store"), "north"))
                .hasMessage("group folder 'north' has 1 levels, not one per group column (region, store)");
        assertThatThrownBy(() -> GroupKey.fromFolder(List.of("c0"), "a%2"))
                .hasMessage("group folder 'a%2': bad escape at '%2'");
        // Text no key is written as (an encoded letter) is not a group folder.
        assertThatThrownBy(() -> GroupKey.fromFolder(List.of("c0"), "%41"))
                .hasMessage("'%41' is not a group folder (its values would be written 'A')");
    }
}
