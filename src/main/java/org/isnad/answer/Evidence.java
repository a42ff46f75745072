package org.isnad.answer;

import java.util.List;
import org.isnad.index.PassageHit;
import org.isnad.text.DateMatch;
import org.isnad.text.Sentence;

/**
 * A sentence considered as evidence, with the measures that rank it: {@code own} share of the
 * question's (weighted) groups found in the sentence, {@code near} in its neighbours of the same
 * paragraph, {@code context} in the sentence, its neighbours, passage and document title together;
 * {@code fit} how well it fits the question type (0–1); {@code retrieval} its passage's score
 * relative to the best; {@code title} the share its document's title holds; {@code rare} the share of
 * {@code context} again, each group weighted by how rare its words are across the whole index. {@code dates} are the full dates it states (document dateline excluded).
 */
public record Evidence(
        PassageHit hit,
        Sentence sentence,
        String text,
        double own,
        double near,
        double context,
        boolean namesPresent,
        double fit,
        double retrieval,
        double title,
        List<DateMatch> dates,
        double rare) {

    public double score() {
        return 2.0 * own + own * own + 0.8 * near + 0.4 * context + 0.6 * retrieval + 1.2 * fit;
    }

    public String docId() {
        return hit.doc().id();
    }
}
