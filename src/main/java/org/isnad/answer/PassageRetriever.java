package org.isnad.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.isnad.index.Fields;
import org.isnad.index.IsnadIndex;
import org.isnad.index.PassageHit;

/**
 * Finds the passages a question is about. The Lucene query is built in code from the question's
 * term groups (never parsed): one clause per group, its alternatives as one {@link SynonymQuery} per
 * field (structured translation), so a word with many translations weighs as one word. Names weigh
 * more; the document title counts a little on every passage.
 */
public final class PassageRetriever {

    private static final float TITLE_BOOST = 0.4f;
    /** The passages of the best three documents (of both languages together) are read whole. */
    private static final int EXPANDED_DOCS = 3;
    /** At most this many passages are measured: one query over both languages, or each language on its own. */
    private static final int MAX_POOL_ONE_QUERY = 90;
    private static final int MAX_POOL_PER_LANGUAGE = 160;

    /** The fields one query searches: a language's body and title, or both languages' (null: not searched). */
    private record Scope(String arabicBody, String englishBody, String arabicTitle, String englishTitle) {}

    private static final Scope BOTH = new Scope(Fields.BODY_AR, Fields.BODY_EN, Fields.TITLE_AR, Fields.TITLE_EN);
    private static final List<Scope> EACH_LANGUAGE = List.of(
            new Scope(Fields.BODY_AR, null, Fields.TITLE_AR, null), new Scope(null, Fields.BODY_EN, null, Fields.TITLE_EN));

    private final IsnadIndex index;
    private final int candidates;
    private final int expanded;
    private final boolean perLanguage;

    /** Both languages in one query; the best {@value #EXPANDED_DOCS} documents read whole. */
    public PassageRetriever(IsnadIndex index, int candidates) {
        this(index, candidates, EXPANDED_DOCS, false);
    }

    /**
     * @param perLanguage search each language on its own (see {@link #retrieve}) and read the best
     *        {@code expanded} documents of each language whole; otherwise one query over both and
     *        the best {@code expanded} documents overall
     */
    public PassageRetriever(IsnadIndex index, int candidates, int expanded, boolean perLanguage) {
        this.index = index;
        this.candidates = Math.max(1, candidates);
        this.expanded = Math.max(1, expanded);
        this.perLanguage = perLanguage;
    }

    /**
     * The top passages for the question, best first (empty when it has no searchable words). Per
     * language: the best of the Arabic passages and the best of the English ones, each searched on
     * its own and scored relative to its own best, so that a language whose scores run higher (the
     * English collection is smaller, so its words look rarer) does not crowd the other out.
     */
    public List<PassageHit> retrieve(Question question) {
        if (!perLanguage) {
            Query q = query(question);
            return q == null ? List.of() : index.search(q, candidates);
        }
        List<PassageHit> merged = new ArrayList<>();
        for (Scope scope : EACH_LANGUAGE) {
            Query q = query(question, scope);
            if (q == null) {
                continue;
            }
            List<PassageHit> hits = index.search(q, candidates);
            float best = hits.isEmpty() ? 1 : Math.max(hits.get(0).score(), 1e-6f);
            hits.forEach(h -> merged.add(new PassageHit(h.passage(), h.text(), h.doc(), h.score() / best)));
        }
        merged.sort(java.util.Comparator.comparingDouble(PassageHit::score).reversed());
        return merged;
    }

    /**
     * The hits plus every other passage of the best documents of each language (with score 0), in
     * hit order then document order.
     */
    public List<PassageHit> withNeighbours(List<PassageHit> hits) {
        Map<String, PassageHit> pool = new LinkedHashMap<>();
        hits.forEach(h -> pool.put(key(h), h));
        Map<Object, List<String>> bestDocs = new LinkedHashMap<>();
        for (PassageHit h : hits) {
            List<String> docs = bestDocs.computeIfAbsent(perLanguage ? h.doc().language() : BOTH, k -> new ArrayList<>());
            if (docs.size() < expanded && !docs.contains(h.doc().id())) {
                docs.add(h.doc().id());
            }
        }
        int maxPool = perLanguage ? MAX_POOL_PER_LANGUAGE : MAX_POOL_ONE_QUERY;
        for (List<String> docs : bestDocs.values()) {
            for (String doc : docs) {
                for (PassageHit p : index.passagesOf(doc)) {
                    if (pool.size() >= maxPool) {
                        break;
                    }
                    pool.putIfAbsent(key(p), p);
                }
            }
        }
        return new ArrayList<>(pool.values());
    }

    private static String key(PassageHit h) {
        return h.doc().id() + "#" + h.passage().ordinal();
    }

    /** The query for a question over both languages, or null when nothing in it is searchable. */
    public Query query(Question question) {
        return query(question, BOTH);
    }

    private Query query(Question question, Scope scope) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        for (TermGroup g : question.groups()) {
            Query body = groupQuery(g, scope.arabicBody(), scope.englishBody());
            if (body == null) {
                continue;
            }
            all.add(new BoostQuery(body, (float) g.weight()), Occur.SHOULD);
            Query title = groupQuery(g, scope.arabicTitle(), scope.englishTitle());
            if (title != null) {
                all.add(new BoostQuery(title, TITLE_BOOST * (float) g.weight()), Occur.SHOULD);
            }
            clauses++;
        }
        return clauses == 0 ? null : all.build();
    }

    /** One group's alternatives in each field that is not null; null when none is searchable. */
    private static Query groupQuery(TermGroup g, String arabicField, String englishField) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int n = addAlternatives(b, g.arabic(), arabicField) + addAlternatives(b, g.english(), englishField);
        if (n == 0) {
            return null;
        }
        BooleanQuery q = b.build();
        return q.clauses().size() == 1 ? q.clauses().get(0).query() : q;
    }

    /** Single-term alternatives become one SynonymQuery; phrases become a conjunction each. */
    private static int addAlternatives(BooleanQuery.Builder b, List<List<String>> alternatives, String field) {
        if (field == null) {
            return 0;
        }
        SynonymQuery.Builder singles = new SynonymQuery.Builder(field);
        int singleCount = 0;
        int n = 0;
        for (List<String> alt : alternatives) {
            if (alt.size() == 1) {
                singles.addTerm(new Term(field, alt.get(0)));
                singleCount++;
            } else {
                BooleanQuery.Builder phrase = new BooleanQuery.Builder();
                alt.forEach(t -> phrase.add(new TermQuery(new Term(field, t)), Occur.MUST));
                b.add(phrase.build(), Occur.SHOULD);
                n++;
            }
        }
        if (singleCount > 0) {
            b.add(singles.build(), Occur.SHOULD);
            n++;
        }
        return n;
    }
}
