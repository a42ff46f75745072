package org.isnad.brief;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.isnad.index.Analyzers;
import org.isnad.text.Language;

/**
 * How important each candidate is: its centrality among the candidates (LexRank: PageRank over TF-IDF
 * cosine similarities, so a sentence that many others echo scores high), its retrieval score for a
 * topic, and cues that mark the sentences a briefing needs — reported speech, dates, causes, names,
 * the lead of an article.
 */
final class SentenceRanker {

    private static final double DAMPING = 0.85;
    private static final int ITERATIONS = 25;

    private static final Pattern SPEECH = Pattern.compile(
            "[“”«»\"]|(?:^|\\s)(?:و|ف)?(?:قال|قالت|أكد|أكدت|أضاف|أضافت|أعلن|أعلنت|صرح|أوضح|يوضح|وصف|وصفها|وصفه)|\\b(?:said|says|told|stated|announced|described)\\b");
    private static final Pattern CAUSE = Pattern.compile(
            "لأن|بسبب|السبب|دوافع|دافع|الهدف|هدف|في محاولة|محاولة|لذا|من أجل|بهدف|سعيا|\\b(?:because|reason|aims? to|in order to|motive|goal)\\b");
    private static final Pattern DATE = Pattern.compile(
            "\\d{1,2}\\s*(?:الشهر|يناير|فبراير|مارس|أبريل|إبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين)"
                    + "|\\b\\d{1,2}\\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\\b"
                    + "|\\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\\s+\\d{1,2}\\b");

    private final Gazetteer gazetteer;
    private final Analyzers analyzers;

    SentenceRanker(Gazetteer gazetteer, Analyzers analyzers) {
        this.gazetteer = gazetteer;
        this.analyzers = analyzers;
    }

    /** Importance per candidate (same order), roughly 0..2. */
    double[] rank(List<CandidateSentence> pool, boolean topicMode) {
        int n = pool.size();
        double[] centrality = lexRank(pool);
        double[] importance = new double[n];
        Map<String, Set<String>> titleTerms = new HashMap<>();
        Map<String, List<String>> titleWords = new HashMap<>();
        for (int i = 0; i < n; i++) {
            CandidateSentence c = pool.get(i);
            String title = c.doc().title() == null ? "" : c.doc().title();
            Set<String> tt = titleTerms.computeIfAbsent(c.doc().id(),
                    id -> new HashSet<>(analyzers.bodyTerms(c.doc().language(), title)));
            List<String> tw = titleWords.computeIfAbsent(c.doc().id(), id -> NameTokens.fold(title));
            double cue = cues(c) + titleCues(c, tt, tw);
            importance[i] = topicMode
                    ? 0.45 * c.retrieval() * (c.onTopic() ? 1.0 : 0.4) + 0.30 * centrality[i] + cue
                    : 0.55 * centrality[i] + cue + (c.order() < 2 ? 0.15 : 0);
        }
        return importance;
    }

    /**
     * The title says what the article is about: a sentence sharing its words, or spoken by someone the
     * title names (the sample's «بوتين:» under "يدعو بوتين حماس..."), carries the story.
     */
    private double titleCues(CandidateSentence c, Set<String> titleTerms, List<String> titleWords) {
        double cue = 0;
        if (!titleTerms.isEmpty()) {
            long shared = titleTerms.stream().filter(c.terms()::containsKey).count();
            cue += 0.15 * shared / titleTerms.size();
        }
        String speaker = c.sentence().speaker();
        if (speaker != null && !speaker.isBlank()) {
            List<String> words = NameTokens.fold(speaker);
            if (!words.isEmpty() && titleWords.containsAll(words)) {
                cue += 0.2;
            } else if (gazetteer.find(speaker).stream().anyMatch(e -> e.kind() == Gazetteer.Kind.PERSON)) {
                cue += 0.08;
            }
        }
        return cue;
    }

    private double cues(CandidateSentence c) {
        String t = c.text();
        double cue = 0;
        if (c.sentence().speaker() != null || SPEECH.matcher(t).find()) {
            cue += 0.12;
        }
        if (DATE.matcher(t).find()) {
            cue += 0.12;
        }
        if (CAUSE.matcher(t).find()) {
            cue += 0.12;
        }
        cue += 0.04 * Math.min(4, gazetteer.find(t).size());
        // A briefing is read on a phone: long sentences must earn their place.
        cue -= 0.1 * Math.max(0, t.length() - 250) / 200.0;
        if (c.doc().language() != Language.AR && c.doc().language() != Language.EN) {
            cue -= 0.05;
        }
        return cue;
    }

    /** LexRank centrality scaled so the most central sentence has 1. */
    static double[] lexRank(List<CandidateSentence> pool) {
        int n = pool.size();
        double[] rank = new double[n];
        if (n == 0) {
            return rank;
        }
        double[][] sim = new double[n][];
        double[] rowSum = new double[n];
        for (int i = 0; i < n; i++) {
            sim[i] = new double[n];
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = Similarity.cosine(pool.get(i).terms(), pool.get(j).terms());
                sim[i][j] = s;
                sim[j][i] = s;
                rowSum[i] += s;
                rowSum[j] += s;
            }
        }
        java.util.Arrays.fill(rank, 1.0 / n);
        double[] next = new double[n];
        for (int it = 0; it < ITERATIONS; it++) {
            java.util.Arrays.fill(next, (1 - DAMPING) / n);
            for (int j = 0; j < n; j++) {
                if (rowSum[j] == 0) {
                    double share = DAMPING * rank[j] / n;
                    for (int i = 0; i < n; i++) {
                        next[i] += share;
                    }
                    continue;
                }
                double out = DAMPING * rank[j] / rowSum[j];
                double[] row = sim[j];
                for (int i = 0; i < n; i++) {
                    if (row[i] != 0) {
                        next[i] += out * row[i];
                    }
                }
            }
            double[] t = rank;
            rank = next;
            next = t;
        }
        double max = 0;
        for (double r : rank) {
            max = Math.max(max, r);
        }
        for (int i = 0; i < n; i++) {
            rank[i] = max > 0 ? rank[i] / max : 0;
        }
        return rank;
    }
}
