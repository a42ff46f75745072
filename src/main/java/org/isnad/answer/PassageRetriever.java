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
    private static final int MAX_POOL = 160;
    private static final int MAX_POOL_ONE_QUERY = 90;

    private final IsnadIndex index;
    private final int candidates;
    private final int expandedPerLanguage;

    /** The passages of the best three documents (of both languages together) are read whole. */
    private static final int EXPANDED_DOCS = 3;

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
        this.expandedPerLanguage = Math.max(1, expanded);
        this.perLanguage = perLanguage;
    }

    /**
     * The top passages for the question, best first (empty when it has no searchable words): the
     * best of the Arabic passages and the best of the English ones, each searched on its own and
     * scored relative to its own best, so that a language whose scores run higher (the English
     * collection is smaller, so its words look rarer) does not crowd the other out.
     */
    public List<PassageHit> retrieve(Question question) {
        if (!perLanguage) {
            Query q = query(question);
            return q == null ? List.of() : index.search(q, candidates);
        }
        List<PassageHit> merged = new ArrayList<>();
        for (String[] fields : new String[][] {{Fields.BODY_AR, Fields.TITLE_AR}, {Fields.BODY_EN, Fields.TITLE_EN}}) {
            Query q = query(question, fields[0], fields[1]);
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
        List<String> docs = new ArrayList<>();
        if (!perLanguage) {
            hits.stream().map(h -> h.doc().id()).distinct().limit(expandedPerLanguage).forEach(docs::add);
        }
        for (org.isnad.text.Language lang : perLanguage ? org.isnad.text.Language.values() : new org.isnad.text.Language[0]) {
            hits.stream().filter(h -> h.doc().language() == lang).map(h -> h.doc().id()).distinct()
                    .limit(expandedPerLanguage).forEach(docs::add);
        }
        for (String doc : docs) {
            for (PassageHit p : index.passagesOf(doc)) {
                if (pool.size() >= (perLanguage ? MAX_POOL : MAX_POOL_ONE_QUERY)) {
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

    /** The query for a question over both languages, or null when nothing in it is searchable. */
    public Query query(Question question) {
        return query(question, null, null);
    }

    /** The query over one language's body and title fields (both languages when null). */
    private Query query(Question question, String bodyField, String titleField) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        for (TermGroup g : question.groups()) {
            Query body = bodyField == null ? groupQuery(g, Fields.BODY_AR, Fields.BODY_EN) : groupQuery(g, bodyField);
            if (body == null) {
                continue;
            }
            all.add(new BoostQuery(body, (float) g.weight()), Occur.SHOULD);
            Query title = titleField == null ? groupQuery(g, Fields.TITLE_AR, Fields.TITLE_EN) : groupQuery(g, titleField);
            if (title != null) {
                all.add(new BoostQuery(title, TITLE_BOOST * (float) g.weight()), Occur.SHOULD);
            }
            clauses++;
        }
        return clauses == 0 ? null : all.build();
    }

    private static Query groupQuery(TermGroup g, String field) {
        boolean arabic = field.equals(Fields.BODY_AR) || field.equals(Fields.TITLE_AR);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int n = addAlternatives(b, arabic ? g.arabic() : g.english(), field);
        if (n == 0) {
            return null;
        }
        BooleanQuery q = b.build();
        return q.clauses().size() == 1 ? q.clauses().get(0).query() : q;
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
