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
    /** Passages of the best documents added beyond the hits: answers often sit next to the matching sentence. */
    private static final int EXPANDED_DOCS = 3;
    private static final int MAX_POOL = 90;

    private final IsnadIndex index;
    private final int candidates;

    public PassageRetriever(IsnadIndex index, int candidates) {
        this.index = index;
        this.candidates = Math.max(1, candidates);
    }

    /** The top passages for the question, best first (empty when it has no searchable words). */
    public List<PassageHit> retrieve(Question question) {
        Query q = query(question);
        if (q == null) {
            return List.of();
        }
        return index.search(q, candidates);
    }

    /** The hits plus every other passage of the best documents (with score 0), in hit order then document order. */
    public List<PassageHit> withNeighbours(List<PassageHit> hits) {
        Map<String, PassageHit> pool = new LinkedHashMap<>();
        hits.forEach(h -> pool.put(key(h), h));
        List<String> docs = hits.stream().map(h -> h.doc().id()).distinct().limit(EXPANDED_DOCS).toList();
        for (String doc : docs) {
            for (PassageHit p : index.passagesOf(doc)) {
                if (pool.size() >= MAX_POOL) {
                    break;
                }
                pool.putIfAbsent(key(p), p);
            }
        }
        return new ArrayList<>(pool.values());
    }

    private static String key(PassageHit h) {
        return h.doc().id() + "#" + h.passage().ordinal();
    }

    /** The query for a question, or null when nothing in it is searchable. */
    public Query query(Question question) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        for (TermGroup g : question.groups()) {
            Query body = groupQuery(g, Fields.BODY_AR, Fields.BODY_EN);
            if (body == null) {
                continue;
            }
            all.add(new BoostQuery(body, (float) g.weight()), Occur.SHOULD);
            Query title = groupQuery(g, Fields.TITLE_AR, Fields.TITLE_EN);
            if (title != null) {
                all.add(new BoostQuery(title, TITLE_BOOST * (float) g.weight()), Occur.SHOULD);
            }
            clauses++;
        }
        return clauses == 0 ? null : all.build();
    }

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
