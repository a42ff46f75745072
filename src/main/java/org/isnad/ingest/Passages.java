package org.isnad.ingest;

import java.util.ArrayList;
import java.util.List;
import org.isnad.archive.Passage;
import org.isnad.text.Sentence;

/**
 * Groups a document's sentences into passages: consecutive sentences of one paragraph, closed when
 * the passage would pass {@link #TARGET_CHARS} or {@link #MAX_SENTENCES}. Small passages keep
 * retrieval precise; the answerer reads sentences, so no passage needs to hold a whole paragraph.
 */
public final class Passages {

    static final int TARGET_CHARS = 500;
    static final int MAX_SENTENCES = 4;

    private Passages() {}

    public static List<Passage> of(String docId, List<Sentence> sentences) {
        List<Passage> out = new ArrayList<>();
        List<Sentence> run = new ArrayList<>();
        for (Sentence s : sentences) {
            if (!run.isEmpty() && (run.get(0).paragraph() != s.paragraph()
                    || s.end() - run.get(0).start() > TARGET_CHARS
                    || run.size() >= MAX_SENTENCES)) {
                out.add(passage(docId, out.size(), run));
                run = new ArrayList<>();
            }
            run.add(s);
        }
        if (!run.isEmpty()) {
            out.add(passage(docId, out.size(), run));
        }
        return out;
    }

    private static Passage passage(String docId, int ordinal, List<Sentence> run) {
        return new Passage(docId, ordinal, run.get(0).paragraph(), run.get(0).start(), run.get(run.size() - 1).end(), run);
    }
}
