package org.isnad.index;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.isnad.text.Language;
import org.isnad.text.OutletNames;

/**
 * Turns a {@link PassageQuery} into a Lucene query, built in code (never parsed): one clause per
 * group, its alternatives as one {@link SynonymQuery} per field (structured translation), so a word
 * with many translations weighs as one word; a phrase alternative is the conjunction of its terms.
 * The group's weight is its boost; the document title counts a little on every passage.
 */
final class PassageQueries {

    /** How much a group counts in the title, against 1 in the body (both stores use it). */
    static final float TITLE_BOOST = 0.4f;
    private static final int MAX_TERMS_PER_FIELD = 64;

    /** One term of a plain-words query: the field, the analyzed term, its boost. */
    record PlainTerm(String field, String term, float boost) {}

    /** The fields one query searches: a language's body and title, or both languages' (null: not searched). */
    record Scope(String arabicBody, String englishBody, String arabicTitle, String englishTitle) {
        static Scope of(Language language) {
            if (language == Language.AR) {
                return new Scope(Fields.BODY_AR, null, Fields.TITLE_AR, null);
            }
            if (language == Language.EN) {
                return new Scope(null, Fields.BODY_EN, null, Fields.TITLE_EN);
            }
            return new Scope(Fields.BODY_AR, Fields.BODY_EN, Fields.TITLE_AR, Fields.TITLE_EN);
        }
    }

    private final Analyzers analyzers;

    PassageQueries(Analyzers analyzers) {
        this.analyzers = analyzers;
    }

    /** The Lucene query, or null when nothing in {@code q} is searchable. */
    Query build(PassageQuery q) {
        Query translated = groups(q.groups(), Scope.of(q.language()));
        Query query;
        if (q.plainWords() == null) {
            query = translated;
        } else {
            Query words = plainWords(q.plainWords());
            query = translated == null ? words
                    : new BooleanQuery.Builder().add(words, Occur.SHOULD).add(translated, Occur.SHOULD).build();
        }
        return query == null ? null : withFilters(query, q.filters());
    }

    private static Query groups(List<PassageQuery.Group> groups, Scope scope) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        for (PassageQuery.Group g : groups) {
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
    private static Query groupQuery(PassageQuery.Group g, String arabicField, String englishField) {
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

    /** A query over all body fields built from the analyzed terms of {@code plainText} (no syntax). */
    Query plainWords(String plainText) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (PlainTerm t : plainTerms(plainText)) {
            Query tq = new TermQuery(new Term(t.field(), t.term()));
            q.add(t.boost() == 1f ? tq : new BoostQuery(tq, t.boost()), Occur.SHOULD);
        }
        BooleanQuery built = q.build();
        return built.clauses().isEmpty() ? new MatchNoDocsQuery("no searchable words") : built;
    }

    /**
     * The terms plain words are searched by, in every field: stems at 1, exact words at 0.5 in the
     * bodies, titles at 0.3. Both stores build their plain-words query from this one list.
     */
    List<PlainTerm> plainTerms(String plainText) {
        List<PlainTerm> out = new java.util.ArrayList<>();
        addTerms(out, Fields.BODY_AR, analyzers.forField(Fields.BODY_AR), plainText, 1f);
        addTerms(out, Fields.BODY_EN, analyzers.forField(Fields.BODY_EN), plainText, 1f);
        addTerms(out, Fields.BODY_AR, analyzers.exact(), plainText, 0.5f);
        addTerms(out, Fields.BODY_EN, analyzers.exact(), plainText, 0.5f);
        addTerms(out, Fields.TITLE_AR, analyzers.forField(Fields.TITLE_AR), plainText, 0.3f);
        addTerms(out, Fields.TITLE_EN, analyzers.forField(Fields.TITLE_EN), plainText, 0.3f);
        return out;
    }

    private void addTerms(List<PlainTerm> out, String field, Analyzer analyzer, String text, float boost) {
        Set<String> terms = new LinkedHashSet<>(analyzers.terms(analyzer, field, text));
        terms.stream().limit(MAX_TERMS_PER_FIELD).forEach(t -> out.add(new PlainTerm(field, t, boost)));
    }

    private static Query withFilters(Query q, PassageQuery.Filters f) {
        if (f.none()) {
            return q;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(q, Occur.MUST);
        if (f.since() != null || f.until() != null) {
            long from = f.since() == null ? Long.MIN_VALUE : f.since().toEpochDay();
            long to = f.until() == null ? Long.MAX_VALUE : f.until().toEpochDay();
            b.add(LongPoint.newRangeQuery(Fields.DATE_DAY, from, to), Occur.FILTER);
        }
        if (f.outlet() != null) {
            // any spelling of the outlet (documents indexed before outlet keys match as written)
            b.add(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Fields.OUTLET_KEY, OutletNames.key(f.outlet()))), Occur.SHOULD)
                    .add(new TermQuery(new Term(Fields.OUTLET, f.outlet())), Occur.SHOULD).build(), Occur.FILTER);
        }
        return b.build();
    }
}
