package org.isnad.brief;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Cosine similarity of TF-IDF vectors and Jaccard similarity of word shingles. */
final class Similarity {

    /** Two sentences at or above this shingle Jaccard say the same thing (near-duplicates). */
    static final double NEAR_DUPLICATE_JACCARD = 0.35;
    /** ...or at or above this TF-IDF cosine. */
    static final double NEAR_DUPLICATE_COSINE = 0.7;

    private Similarity() {}

    static double cosine(Map<String, Double> a, Map<String, Double> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double w = large.get(e.getKey());
            if (w != null) {
                dot += e.getValue() * w;
            }
        }
        return dot; // vectors are unit length
    }

    static double jaccard(Set<Long> a, Set<Long> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<Long> small = a.size() <= b.size() ? a : b;
        Set<Long> large = small == a ? b : a;
        int shared = 0;
        for (Long x : small) {
            if (large.contains(x)) {
                shared++;
            }
        }
        return shared / (double) (a.size() + b.size() - shared);
    }

    static boolean nearDuplicates(CandidateSentence a, CandidateSentence b) {
        return jaccard(a.shingles(), b.shingles()) >= NEAR_DUPLICATE_JACCARD
                || cosine(a.terms(), b.terms()) >= NEAR_DUPLICATE_COSINE;
    }

    /** Hashes of the 3-word shingles of folded words (single words when the text is shorter). */
    static Set<Long> shingles(String text) {
        List<String> words = NameTokens.fold(text);
        Set<Long> out = new HashSet<>();
        if (words.size() < 3) {
            words.forEach(w -> out.add((long) w.hashCode()));
            return out;
        }
        for (int i = 0; i + 3 <= words.size(); i++) {
            long h = words.get(i).hashCode();
            h = h * 1_000_003L + words.get(i + 1).hashCode();
            h = h * 1_000_003L + words.get(i + 2).hashCode();
            out.add(h);
        }
        return out;
    }
}
