package org.isnad.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuoteVerifierTest {

    static final String TEXT = "الجملة الأولى هنا. والجملة الثانية هناك. والثالثة أيضا.";
    final QuoteVerifier verifier = new QuoteVerifier();

    static Citation cite(int n, String quote, int start) {
        return new Citation(n, "d1", "t", "o", "2024-02-20", quote, start, start + quote.length(), null);
    }

    Draft verify(Draft d) {
        return verifier.verify(d, id -> Optional.ofNullable(Map.of("d1", TEXT).get(id)));
    }

    @Test
    void exactQuotesAreKept() {
        Citation c = cite(1, "الجملة الأولى هنا.", 0);
        Draft out = verify(new Draft(true, "«الجملة الأولى هنا.» [1]", List.of(c), List.of(), List.of(), List.of()));
        assertThat(out.citations()).containsExactly(c);
        assertThat(out.text()).isEqualTo("«الجملة الأولى هنا.» [1]");
    }

    @Test
    void aQuoteThatDiffersFromTheStoredTextIsDroppedAndTheRestRenumbered() {
        Citation bad = cite(1, "الجملة الأولى هناك.", 0); // one letter differs
        int second = TEXT.indexOf("والجملة الثانية");
        Citation good = cite(2, "والجملة الثانية هناك.", second);
        Citation wrongOffsets = new Citation(3, "d1", "t", "o", null, "والثالثة أيضا.", 0, 14, null);
        Citation unknownDoc = new Citation(4, "nope", "t", "o", null, "x", 0, 1, null);
        Conflict conflict = new Conflict("date", List.of(1, 2), "[1] vs [2]");
        Draft out = verify(new Draft(true, "«الجملة الأولى هناك.» [1] «والجملة الثانية هناك.» [2] [3] [4]",
                List.of(bad, good, wrongOffsets, unknownDoc), List.of(conflict), List.of(), List.of()));
        assertThat(out.citations()).hasSize(1);
        assertThat(out.citations().get(0).n()).isEqualTo(1);
        assertThat(out.citations().get(0).quote()).isEqualTo("والجملة الثانية هناك.");
        assertThat(out.text()).isEqualTo("«والجملة الثانية هناك.» [1]");
        assertThat(out.text()).doesNotContain("الجملة الأولى هناك");
        assertThat(out.conflicts()).isEmpty();
        assertThat(out.notes()).anyMatch(n -> n.contains("dropped 3"));
    }

    @Test
    void outOfRangeOffsetsNeverThrow() {
        Citation c = new Citation(1, "d1", "t", "o", null, "x", 5, 100_000, null);
        Citation negative = new Citation(2, "d1", "t", "o", null, "x", -3, 1, null);
        assertThat(verify(new Draft(true, "[1][2]", List.of(c, negative), List.of(), List.of(), List.of())).citations()).isEmpty();
    }
}
