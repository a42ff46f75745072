package org.isnad.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.isnad.index.ArchiveStore;
import org.isnad.index.PassageHit;
import org.isnad.index.PassageQuery;
import org.isnad.text.Language;

/**
 * Finds the passages a question is about: the question's term groups, weighted (names weigh more),
 * searched by the store in each language's documents on its own ({@link PassageQuery}); the store
 * builds its own query from them.
 */
public final class PassageRetriever {

    /** The passages of the best three documents of each language are read whole. */
    private static final int EXPANDED_DOCS = 3;
    /**
     * At most this many passages of each language are measured: with raw scores (the confidence
     * gate), or with relative ones (the fitted decision, which reads more documents whole).
     */
    private static final int MAX_POOL_RAW = 60;
    private static final int MAX_POOL_RELATIVE = 100;

    private final ArchiveStore index;
    private final int candidates;
    private final int expanded;
    private final boolean relativeScores;

    /**
     * Each language searched on its own, raw scores kept; the best {@value #EXPANDED_DOCS} documents
     * of each language read whole.
     */
    public PassageRetriever(ArchiveStore index, int candidates) {
        this(index, candidates, EXPANDED_DOCS, false);
    }

    /**
     * Each language is always searched on its own, with its own {@code candidates} passages and its
     * own {@code expanded} documents read whole: what a question finds in its own language cannot
     * depend on how many translations (glossary, optional dictionary) it has into the other one.
     *
     * @param relativeScores score each language's passages relative to its own best (see {@link #retrieve})
     */
    public PassageRetriever(ArchiveStore index, int candidates, int expanded, boolean relativeScores) {
        this.index = index;
        this.candidates = Math.max(1, candidates);
        this.expanded = Math.max(1, expanded);
        this.relativeScores = relativeScores;
    }

    /**
     * The top passages for the question, best first (empty when it has no searchable words): the
     * best of the Arabic passages and the best of the English ones, each searched on its own. With
     * relative scores each is scored against its own best, so that a language whose scores run
     * higher (the English collection is smaller, so its words look rarer) does not crowd the other out.
     */
    public List<PassageHit> retrieve(Question question) {
        List<PassageHit> merged = new ArrayList<>();
        List<PassageQuery.Group> groups = groups(question);
        for (Language language : List.of(Language.AR, Language.EN)) {
            List<PassageHit> hits = index.search(PassageQuery.of(groups, language), candidates);
            float best = !relativeScores || hits.isEmpty() ? 1 : Math.max(hits.get(0).score(), 1e-6f);
            hits.forEach(h -> merged.add(new PassageHit(h.passage(), h.text(), h.doc(), h.score() / best)));
        }
        merged.sort(java.util.Comparator.comparingDouble(PassageHit::score).reversed());
        // Raw scores compare across languages (as one query over both would score them): the best
        // {@code candidates} of the two lists, the confidence gate's pool as it was tuned.
        return relativeScores || merged.size() <= candidates ? merged : new ArrayList<>(merged.subList(0, candidates));
    }

    /**
     * The hits plus every other passage of the best documents of each language (with score 0), in
     * hit order then document order.
     */
    public List<PassageHit> withNeighbours(List<PassageHit> hits) {
        Map<String, PassageHit> pool = new LinkedHashMap<>();
        hits.forEach(h -> pool.put(key(h), h));
        Map<Language, List<String>> bestDocs = new LinkedHashMap<>();
        for (PassageHit h : hits) {
            List<String> docs = bestDocs.computeIfAbsent(h.doc().language(), k -> new ArrayList<>());
            if (docs.size() < expanded && !docs.contains(h.doc().id())) {
                docs.add(h.doc().id());
            }
        }
        // each language's documents fill their own share of the pool, so neither can starve the other
        int perLanguage = relativeScores ? MAX_POOL_RELATIVE : MAX_POOL_RAW;
        for (var docs : bestDocs.entrySet()) {
            int room = perLanguage - (int) hits.stream().filter(h -> h.doc().language() == docs.getKey()).count();
            for (String doc : docs.getValue()) {
                for (PassageHit p : index.passagesOf(doc)) {
                    if (room <= 0) {
                        break;
                    }
                    if (pool.putIfAbsent(key(p), p) == null) {
                        room--;
                    }
                }
            }
        }
        return new ArrayList<>(pool.values());
    }

    /**
     * Every passage of one document in document order, each with its score among {@code hits}
     * (0 for those the search did not find).
     */
    public List<PassageHit> wholeDocument(String docId, List<PassageHit> hits) {
        Map<String, PassageHit> found = new java.util.HashMap<>();
        hits.stream().filter(h -> h.doc().id().equals(docId)).forEach(h -> found.putIfAbsent(key(h), h));
        List<PassageHit> out = new ArrayList<>();
        for (PassageHit p : index.passagesOf(docId)) {
            out.add(found.getOrDefault(key(p), p));
        }
        return out;
    }

    private static String key(PassageHit h) {
        return h.doc().id() + "#" + h.passage().ordinal();
    }

    /** The question's groups as the store searches them. */
    public static List<PassageQuery.Group> groups(Question question) {
        return question.groups().stream().map(g -> new PassageQuery.Group(g.weight(), g.arabic(), g.english())).toList();
    }
}
