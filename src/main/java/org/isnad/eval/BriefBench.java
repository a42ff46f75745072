package org.isnad.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.isnad.archive.Document;
import org.isnad.archive.Passage;
import org.isnad.brief.BriefRenderer;
import org.isnad.brief.BriefRequest;
import org.isnad.brief.Briefer;
import org.isnad.brief.Briefing;
import org.isnad.index.Analyzers;
import org.isnad.index.ArchiveStore;
import org.isnad.index.PassageHit;

/**
 * Briefing latency on an index, beside plain Lucene top-10 BM25 search for the same topics in the
 * same process. Topics are generated from the indexed documents with a seed (half the words most
 * frequent in titles, half whole titles) or given. Warm-up rounds, then measured rounds; each round
 * runs every topic through Isnad, then through Lucene, with the heap's peak taken for each apart.
 */
public final class BriefBench {

    public record Options(int topics, long seed, int warmupRounds, int rounds) {}

    /**
     * One system's figures over the measured rounds.
     *
     * @param found  share of briefings with points (Lucene: share of searches with a hit)
     * @param points mean points per found briefing (Lucene: mean hits)
     * @param oneMessage share of found briefings that fit one Telegram message (NaN for Lucene)
     */
    public record Figures(int topics, int rounds, List<Double> millis, double found, double points, double oneMessage,
            double peakHeapMb) {
        public Map<String, Object> toJson() {
            Percentiles p = new Percentiles(millis);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("topics", topics);
            m.put("rounds", rounds);
            m.put("p50Ms", Tally.round(p.at(50)));
            m.put("p90Ms", Tally.round(p.at(90)));
            m.put("p99Ms", Tally.round(p.at(99)));
            m.put("maxMs", Tally.round(p.at(100)));
            m.put("meanMs", Tally.round(millis.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
            m.put("found", Tally.round(found));
            m.put("points", Tally.round(points));
            if (!Double.isNaN(oneMessage)) {
                m.put("oneMessage", Tally.round(oneMessage));
            }
            m.put("peakHeapMb", Tally.round(peakHeapMb));
            return m;
        }

        double median() {
            return new Percentiles(millis).median();
        }
    }

    public record Result(int documents, Figures isnad, Figures lucene) {
        /** Isnad's median briefing time over plain Lucene's median search time. */
        public double ratio() {
            return Tally.round(isnad.median() / lucene.median());
        }

        public Map<String, Object> toJson() {
            Map<String, Object> m = SideBySide.json(isnad.toJson(), lucene.toJson(), ratio());
            m.put("documents", documents);
            return m;
        }

        public String toTable() {
            return String.format("documents: %d%n", documents) + SideBySide.table("brief", "lucene top-10", isnad.toJson(),
                    lucene.toJson(), "isnad median / lucene median", ratio());
        }
    }

    /** Words shorter than this are not topics of their own. */
    private static final int MIN_WORD_CHARS = 3;

    private BriefBench() {}

    /**
     * {@code n} topics from the documents, seeded: even ones are drawn from the title words that the
     * most documents share (a content word to the analysis chain, not a stop word), odd ones are whole
     * titles of randomly drawn documents.
     */
    public static List<String> topics(Map<String, Document> documents, Analyzers analyzers, int n, long seed) {
        List<String> ids = new ArrayList<>(documents.keySet());
        Collections.sort(ids);
        Random random = new Random(seed);
        Map<String, Integer> titleFrequency = new HashMap<>();
        for (String id : ids) {
            Document d = documents.get(id);
            if (d.title() == null) {
                continue;
            }
            String field = Analyzers.bodyField(d.language());
            Set<String> seen = new HashSet<>();
            for (String w : d.title().split("[\\s\\p{Punct}«»،؛؟\"'“”]+")) {
                if (w.length() >= MIN_WORD_CHARS && seen.add(w) && !analyzers.terms(field, w).isEmpty()) {
                    titleFrequency.merge(w, 1, Integer::sum);
                }
            }
        }
        List<String> words = new ArrayList<>(titleFrequency.keySet());
        words.sort((a, b) -> titleFrequency.get(b) - titleFrequency.get(a) != 0 ? titleFrequency.get(b) - titleFrequency.get(a) : a.compareTo(b));
        List<String> frequent = new ArrayList<>(words.subList(0, Math.min(words.size(), Math.max(1, 3 * n / 2))));
        Collections.shuffle(frequent, random);
        List<String> titled = new ArrayList<>(ids.stream().map(documents::get).map(Document::title)
                .filter(t -> t != null && !t.isBlank()).toList());
        Collections.shuffle(titled, random);
        List<String> out = new ArrayList<>();
        int w = 0;
        int t = 0;
        while (out.size() < n && (w < frequent.size() || t < titled.size())) {
            boolean wantWord = out.size() % 2 == 0;
            if ((wantWord && w < frequent.size()) || t >= titled.size()) {
                out.add(frequent.get(w++));
            } else {
                out.add(titled.get(t++));
            }
        }
        return out;
    }

    /** The documents of {@code index} and their passages, as the baseline indexes them. */
    record Corpus(Map<String, Document> documents, Map<String, List<Passage>> passages) {
        static Corpus of(ArchiveStore index) {
            Map<String, Document> documents = new HashMap<>();
            Map<String, List<Passage>> passages = new HashMap<>();
            for (String id : index.storedStates().keySet()) {
                index.document(id).ifPresent(d -> {
                    documents.put(id, d);
                    passages.put(id, index.passagesOf(id).stream().map(PassageHit::passage).toList());
                });
            }
            return new Corpus(documents, passages);
        }
    }

    /** Generated topics ({@code given} null) or the given ones, briefed on {@code index}. */
    public static Result run(ArchiveStore index, Briefer briefer, List<String> given, Path baselineDir, Options o) {
        Corpus corpus = Corpus.of(index);
        List<String> topics = given != null ? given : topics(corpus.documents(), index.analyzers(), o.topics(), o.seed());
        BriefRenderer renderer = new BriefRenderer(briefer);
        try (LuceneBaseline lucene = LuceneBaseline.build(baselineDir, corpus.documents(), corpus.passages())) {
            for (int r = 0; r < o.warmupRounds(); r++) {
                for (String t : topics) {
                    briefer.brief(BriefRequest.topic(t));
                    lucene.search(t, 10);
                }
            }
            HeapWatch heap = new HeapWatch();
            List<Double> isnadMs = new ArrayList<>();
            List<Double> luceneMs = new ArrayList<>();
            int found = 0;
            int points = 0;
            int oneMessage = 0;
            int hitSearches = 0;
            int hits = 0;
            double isnadPeak = 0;
            double lucenePeak = 0;
            for (int r = 0; r < o.rounds(); r++) {
                heap.reset();
                for (String t : topics) {
                    long t0 = System.nanoTime();
                    Briefing b = briefer.brief(BriefRequest.topic(t));
                    isnadMs.add((System.nanoTime() - t0) / 1e6);
                    if (b.found()) {
                        found++;
                        points += b.points().size();
                        oneMessage += renderer.messages(b, BriefRenderer.TELEGRAM_LIMIT).size() == 1 ? 1 : 0;
                    }
                }
                isnadPeak = Math.max(isnadPeak, heap.peakMb());
                heap.reset();
                for (String t : topics) {
                    long t0 = System.nanoTime();
                    int n = lucene.search(t, 10).size();
                    luceneMs.add((System.nanoTime() - t0) / 1e6);
                    hitSearches += n > 0 ? 1 : 0;
                    hits += n;
                }
                lucenePeak = Math.max(lucenePeak, heap.peakMb());
            }
            int runs = Math.max(1, topics.size() * o.rounds());
            return new Result(corpus.documents().size(),
                    new Figures(topics.size(), o.rounds(), isnadMs, (double) found / runs,
                            found == 0 ? 0 : (double) points / found, found == 0 ? 0 : (double) oneMessage / found, isnadPeak),
                    new Figures(topics.size(), o.rounds(), luceneMs, (double) hitSearches / runs,
                            hitSearches == 0 ? 0 : (double) hits / hitSearches, Double.NaN, lucenePeak));
        }
    }
}
