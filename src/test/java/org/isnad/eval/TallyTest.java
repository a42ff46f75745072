package org.isnad.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.isnad.answer.Citation;
import org.junit.jupiter.api.Test;

class TallyTest {

    private static final Map<String, String> TEXTS = Map.of("a", "Alpha beta. The answer is 42.", "b", "Nothing here.");

    private static Citation cite(String doc, int start, int end) {
        return new Citation(1, doc, null, null, null, TEXTS.get(doc).substring(start, end), start, end, null);
    }

    private static QaSystem.Response response(boolean answered, List<String> ranked, List<Citation> cites, long millis) {
        return new QaSystem.Response(answered, ranked, cites, millis * 1_000_000);
    }

    @Test
    void scoresRetrievalQuotesValidityRefusalAndLatency() {
        Tally t = new Tally(id -> Optional.ofNullable(TEXTS.get(id)));
        // rank 1, quote hits
        t.add(response(true, List.of("a", "b"), List.of(cite("a", 12, 29)), 10), "a", List.of("42"));
        // rank 2, first quote misses, second hits
        t.add(response(true, List.of("b", "a"), List.of(cite("b", 0, 13), cite("a", 12, 29)), 20), "a", List.of("42"));
        // refused although answerable: retrieval still counts, no hit
        t.add(response(false, List.of("a"), List.of(cite("a", 12, 29)), 30), "a", List.of("42"));
        // a citation whose offsets do not reproduce its quote, on a withheld question that was answered
        t.add(response(true, List.of("b"), List.of(new Citation(1, "b", null, null, null, "made up", 0, 7, null)), 40), null, List.of("x"));
        // a withheld question rightly refused
        t.add(response(false, List.of(), List.of(), 50), null, List.of("x"));

        Map<String, Double> s = t.scores();
        assertThat(s).containsEntry("recall@1", 0.667).containsEntry("recall@5", 1.0).containsEntry("mrr@10", 0.833)
                .containsEntry("hit@1", 0.333).containsEntry("hit@3", 0.667)
                .containsEntry("validity", 0.8).containsEntry("answered", 0.667).containsEntry("refusal", 0.5)
                .containsEntry("p50Ms", 30.0).containsEntry("p99Ms", 50.0);
        assertThat(s).containsEntry("precision@1", 0.5);
        assertThat(s.keySet()).containsAll(SquadEval.KEYS).doesNotContain("sentence@1");
    }

    @Test
    void keysThatDoNotApplyAreAbsent() {
        Tally t = new Tally(id -> Optional.empty());
        t.add(response(true, List.of("a"), List.of(), 5), "a", List.of("42"));
        assertThat(t.scores()).doesNotContainKeys("refusal", "validity").containsKey("recall@1");
    }
}
