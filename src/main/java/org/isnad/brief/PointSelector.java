package org.isnad.brief;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Picks a briefing's points by maximal marginal relevance: each next point is the candidate with the
 * best importance less its similarity to the points already chosen, so the points cover different
 * things. A candidate that says the same as a chosen point (a near-duplicate, typically the same news
 * from another outlet) is never a point of its own: it joins that point as an echo. Points in
 * the same transcript speaker's voice count as partly redundant, so several voices are heard. For a topic, one
 * story (documents whose titles are near-duplicates) gives at most {@link #PER_STORY} points, so the
 * briefing draws on several documents when the topic spans several.
 */
final class PointSelector {

    static final double LAMBDA = 0.6;
    static final int PER_STORY = 2;
    static final int MAX_ECHOES = 3;
    /** After the minimum, stop when the next point would score under this share of the first. */
    static final double STOP_RATIO = 0.3;
    /** Added to a candidate's redundancy for each chosen point in the same speaker's voice. */
    static final double VOICE_PENALTY = 0.12;
    /** At most this many points in one transcript speaker's voice. */
    static final int PER_VOICE = 2;

    /** A chosen point: its sentence and the same news elsewhere. */
    record Chosen(CandidateSentence lead, double importance, List<CandidateSentence> echoes) {}

    List<Chosen> select(List<CandidateSentence> pool, double[] importance, int min, int max, boolean topicMode,
            Predicate<CandidateSentence> verifiable) {
        Map<String, Integer> story = topicMode ? stories(pool) : Map.of();
        Map<Integer, Integer> perStory = new HashMap<>();
        boolean[] used = new boolean[pool.size()];
        List<Integer> chosen = new ArrayList<>();
        List<List<CandidateSentence>> echoes = new ArrayList<>();
        double first = Double.NaN;
        boolean capped = topicMode;
        while (chosen.size() < max) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < pool.size(); i++) {
                if (used[i]) {
                    continue;
                }
                CandidateSentence c = pool.get(i);
                if (topicMode && !c.onTopic()) {
                    continue;
                }
                if (capped && perStory.getOrDefault(story.get(c.doc().id()), 0) >= PER_STORY) {
                    continue;
                }
                double redundancy = 0;
                int sameVoice = 0;
                for (int k : chosen) {
                    CandidateSentence o = pool.get(k);
                    redundancy = Math.max(redundancy, Similarity.cosine(c.terms(), o.terms()));
                    if (c.sentence().speaker() != null && c.sentence().speaker().equals(o.sentence().speaker())) {
                        sameVoice++;
                    }
                }
                // Many points in one speaker's voice crowd out the others (a transcript's long turn).
                if (sameVoice >= PER_VOICE) {
                    continue;
                }
                redundancy += VOICE_PENALTY * sameVoice;
                double score = LAMBDA * importance[i] - (1 - LAMBDA) * redundancy;
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            if (best < 0) {
                if (capped && chosen.size() < min) {
                    capped = false; // too few stories: let one story give more points rather than too few
                    continue;
                }
                break;
            }
            used[best] = true;
            CandidateSentence c = pool.get(best);
            int same = sameNewsAs(c, chosen, pool);
            if (same >= 0) {
                List<CandidateSentence> e = echoes.get(same);
                if (!c.doc().id().equals(pool.get(chosen.get(same)).doc().id()) && e.size() < MAX_ECHOES) {
                    e.add(c);
                }
                continue;
            }
            if (!verifiable.test(c)) {
                continue;
            }
            if (Double.isNaN(first)) {
                first = bestScore;
            } else if (chosen.size() >= min && bestScore < STOP_RATIO * first) {
                break;
            }
            chosen.add(best);
            echoes.add(new ArrayList<>());
            if (topicMode) {
                perStory.merge(story.get(c.doc().id()), 1, Integer::sum);
            }
        }
        // The same news elsewhere that the selection never reached still joins its point.
        for (int i = 0; i < pool.size(); i++) {
            if (!used[i]) {
                int same = sameNewsAs(pool.get(i), chosen, pool);
                if (same >= 0 && !pool.get(i).doc().id().equals(pool.get(chosen.get(same)).doc().id())
                        && echoes.get(same).size() < MAX_ECHOES) {
                    echoes.get(same).add(pool.get(i));
                }
            }
        }
        List<Chosen> out = new ArrayList<>();
        for (int k = 0; k < chosen.size(); k++) {
            out.add(new Chosen(pool.get(chosen.get(k)), importance[chosen.get(k)], echoes.get(k)));
        }
        return out;
    }

    private static int sameNewsAs(CandidateSentence c, List<Integer> chosen, List<CandidateSentence> pool) {
        for (int k = 0; k < chosen.size(); k++) {
            if (Similarity.nearDuplicates(c, pool.get(chosen.get(k)))) {
                return k;
            }
        }
        return -1;
    }

    /** Groups documents whose titles are near-duplicates into stories; maps doc id to story number. */
    static Map<String, Integer> stories(List<CandidateSentence> pool) {
        Map<String, Integer> story = new HashMap<>();
        List<String> ids = new ArrayList<>();
        List<java.util.Set<Long>> titles = new ArrayList<>();
        for (CandidateSentence c : pool) {
            if (story.containsKey(c.doc().id())) {
                continue;
            }
            String title = c.doc().title() == null ? "" : c.doc().title();
            java.util.Set<Long> words = new java.util.HashSet<>();
            NameTokens.fold(title).forEach(w -> words.add((long) w.hashCode()));
            int group = ids.size();
            for (int k = 0; k < ids.size(); k++) {
                if (!words.isEmpty() && Similarity.jaccard(words, titles.get(k)) >= 0.5) {
                    group = story.get(ids.get(k));
                    break;
                }
            }
            story.put(c.doc().id(), group);
            ids.add(c.doc().id());
            titles.add(words);
        }
        return story;
    }
}
