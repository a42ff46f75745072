package org.isnad.brief;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.isnad.index.Analyzers;
import org.isnad.index.PassageHit;
import org.isnad.text.Sentence;

/**
 * Turns retrieved passages into the sentences a briefing may quote: quotable ones only (not too short
 * or long, not hashtags, handles or links), each with its TF-IDF vector over the pool and its shingles.
 */
final class CandidatePool {

    static final int MIN_CHARS = 30;
    static final int MAX_CHARS = 450;
    static final int MIN_WORDS = 5;

    private final Analyzers analyzers;

    CandidatePool(Analyzers analyzers) {
        this.analyzers = analyzers;
    }

    /**
     * @param hits       passages, best first (scores may be 0 for a document's own passages)
     * @param topicTerms analyzed topic terms (any field's chain); empty means every sentence is on topic
     */
    List<CandidateSentence> build(List<PassageHit> hits, Collection<String> topicTerms) {
        float best = 0;
        for (PassageHit h : hits) {
            best = Math.max(best, h.score());
        }
        List<Draft> drafts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, Integer> df = new HashMap<>();
        for (PassageHit h : hits) {
            List<Sentence> sentences = h.passage().sentences();
            for (int i = 0; i < sentences.size(); i++) {
                Sentence s = sentences.get(i);
                int from = s.start() - h.passage().start();
                int to = s.end() - h.passage().start();
                if (from < 0 || to > h.text().length() || from >= to || !seen.add(h.doc().id() + ":" + s.start())) {
                    continue;
                }
                String text = h.text().substring(from, to);
                if (!quotable(text)) {
                    continue;
                }
                List<String> terms = analyzers.bodyTerms(h.doc().language(), text);
                if (terms.size() < 3) {
                    continue;
                }
                Map<String, Integer> tf = new HashMap<>();
                terms.forEach(t -> tf.merge(t, 1, Integer::sum));
                tf.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
                boolean onTopic = topicTerms.isEmpty() || tf.keySet().stream().anyMatch(topicTerms::contains);
                double retrieval = best > 0 ? h.score() / best : 1.0;
                drafts.add(new Draft(h, s, text, h.passage().ordinal() * 100 + i, retrieval, onTopic, tf));
            }
        }
        int n = drafts.size();
        List<CandidateSentence> out = new ArrayList<>(n);
        for (Draft d : drafts) {
            Map<String, Double> w = new HashMap<>();
            double norm = 0;
            for (Map.Entry<String, Integer> e : d.tf.entrySet()) {
                double idf = Math.log(1.0 + n / (double) df.get(e.getKey()));
                double x = (1 + Math.log(e.getValue())) * idf;
                w.put(e.getKey(), x);
                norm += x * x;
            }
            double len = Math.sqrt(norm);
            w.replaceAll((k, v) -> v / len);
            out.add(new CandidateSentence(d.hit.doc(), d.sentence, d.text, d.order, d.retrieval, d.onTopic, w,
                    Similarity.shingles(d.text)));
        }
        return out;
    }

    private record Draft(PassageHit hit, Sentence sentence, String text, int order, double retrieval, boolean onTopic,
            Map<String, Integer> tf) {}

    /** A sentence worth quoting on its own: real prose of a sensible length. */
    static boolean quotable(String text) {
        int len = text.length();
        if (len < MIN_CHARS || len > MAX_CHARS || text.startsWith("@") || text.contains("http") || text.contains("www.")) {
            return false;
        }
        int letters = 0;
        int visible = 0;
        int hashes = 0;
        int words = 1;
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            if (c == '#') {
                hashes++;
            }
            if (Character.isWhitespace(c)) {
                words++;
            } else {
                visible++;
                if (Character.isLetter(c)) {
                    letters++;
                }
            }
        }
        return hashes < 2 && words >= MIN_WORDS && letters >= 0.7 * visible;
    }
}
