package org.fganlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Grid format, Cartesian product, exclusion, stable ids and shards (issue 15). */
class GridTest {

    private static final String GRID = """
            {"div": ["kl", "js", "gan"], "seed": [1, 2, 3, 4], "loss": ["minimax", "non-saturating"],
             "exclude": [{"div": "kl", "loss": "non-saturating"}, {"div": ["js", "gan"], "seed": 4}]}
            """;

    @Test
    void cartesianProductMinusExcludedAssignments() {
        List<RunSpec> runs = Grid.parse(GRID).runs();
        // 3·4·2 = 24, minus kl+non-saturating (4 seeds) and js|gan with seed 4 (2 divs · 2 losses)
        assertEquals(24 - 4 - 4, runs.size());
        for (RunSpec r : runs) {
            Map<String, String> o = r.options();
            assertTrue(!(o.get("div").equals("kl") && o.get("loss").equals("non-saturating")), r.describe());
            assertTrue(!(!o.get("div").equals("kl") && o.get("seed").equals("4")), r.describe());
        }
        assertEquals(runs.size(), runs.stream().map(RunSpec::id).distinct().count(), "ids are unique");
    }

    @Test
    void idsDependOnTheOptionsOnlyNotOnTheOrderOfTheFile() {
        String reordered = """
                {"loss": ["non-saturating", "minimax"], "exclude": [{"seed": 4, "div": ["gan", "js"]},
                 {"loss": "non-saturating", "div": "kl"}], "seed": [4, 3, 2, 1], "div": ["gan", "kl", "js"]}
                """;
        Set<String> a = Grid.parse(GRID).runs().stream().map(RunSpec::id).collect(Collectors.toSet());
        Set<String> b = Grid.parse(reordered).runs().stream().map(RunSpec::id).collect(Collectors.toSet());
        assertEquals(a, b);
        // the id is the SHA-256 of the sorted key=value lines, independently computed here
        assertEquals(RunSpec.sha256("div=kl\nloss=minimax\nseed=1\n").substring(0, 16),
                RunSpec.of(Map.of("seed", "1", "loss", "minimax", "div", "kl")).id());
    }

    @Test
    void shardsAreDisjointCoverTheGridAndAreBalanced() {
        List<RunSpec> runs = Grid.parse(GRID).runs();
        for (int n = 1; n <= 5; n++) {
            Set<String> union = new HashSet<>();
            List<Integer> sizes = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                List<RunSpec> mine = new Shard(i, n).select(runs);
                sizes.add(mine.size());
                for (RunSpec r : mine) {
                    assertTrue(union.add(r.id()), "shard " + i + "/" + n + " repeats " + r.id());
                }
                assertEquals(mine, new Shard(i, n).select(Grid.parse(GRID).runs()), "deterministic");
            }
            assertEquals(runs.size(), union.size());
            assertTrue(sizes.stream().mapToInt(Integer::intValue).max().getAsInt()
                    - sizes.stream().mapToInt(Integer::intValue).min().getAsInt() <= 1, sizes.toString());
        }
        assertEquals(new Shard(2, 4), Shard.parse("2/4"));
        for (String bad : new String[] {"0/4", "5/4", "2", "a/b", "1/0"}) {
            assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
        empty list; {"div": [], "seed": [1]}; div
        not a list; {"div": "kl"}; div
        object value; {"div": [{"a": 1}]}; div
        repeated value; {"seed": [1, 2, 1]}; seed
        exclude unknown key; {"seed": [1, 2], "exclude": [{"sed": 1}]}; exclude
        exclude value not in the grid; {"seed": [1, 2], "exclude": [{"seed": 3}]}; exclude
        exclude everything; {"seed": [1], "exclude": [{"seed": 1}]}; exclude
        """)
    void malformedGridsNameTheKey(String what, String json, String key) {
        GridException e = assertThrows(GridException.class, () -> Grid.parse(json), what);
        assertEquals(key, e.key(), e.getMessage());
        assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
    }
}
