package org.isnad.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.isnad.Isnad;
import org.isnad.config.IsnadConfig;
import org.isnad.ingest.IngestListener;
import org.isnad.ingest.IngestReport;

/**
 * Isnad's full ingest (parse, tidy, detect, split, index, commit) of a JSONL file into a fresh data
 * folder, beside plain Lucene indexing the same articles ({@link PlainLuceneIngest}), in one process:
 * warm-up rounds first, then measured rounds alternating the two so drift hits both alike.
 */
public final class IngestBench {

    public record Options(int warmupRounds, int rounds) {}

    /** One system's figures over the measured rounds. */
    public record Figures(int articles, long bytes, List<Double> roundMillis, double peakHeapMb, long gcCount, long gcMillis) {

        public double medianMillis() {
            return new Percentiles(roundMillis).median();
        }

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            double s = medianMillis() / 1000.0;
            m.put("articles", articles);
            m.put("megabytes", Tally.round(bytes / 1048576.0));
            m.put("rounds", roundMillis.size());
            m.put("articlesPerSec", Tally.round(articles / s));
            m.put("mbPerSec", Tally.round(bytes / 1048576.0 / s));
            m.put("roundP50Ms", Tally.round(medianMillis()));
            m.put("roundMinMs", Tally.round(new Percentiles(roundMillis).at(0)));
            m.put("roundMaxMs", Tally.round(new Percentiles(roundMillis).at(100)));
            m.put("msPerArticle", Tally.round(medianMillis() / Math.max(1, articles)));
            m.put("peakHeapMb", Tally.round(peakHeapMb));
            m.put("gcCount", gcCount);
            m.put("gcMs", gcMillis);
            return m;
        }
    }

    public record Result(Figures isnad, Figures lucene) {
        /** Isnad's time over plain Lucene's (median rounds): 1.3 means Isnad takes 1.3x as long. */
        public double ratio() {
            return Tally.round(isnad.medianMillis() / lucene.medianMillis());
        }

        public Map<String, Object> toJson() {
            return SideBySide.json(isnad.toJson(), lucene.toJson(), ratio());
        }

        public String toTable() {
            return SideBySide.table("ingest", "lucene", isnad.toJson(), lucene.toJson(), "isnad time / lucene time", ratio());
        }
    }

    private IngestBench() {}

    public static Result run(Path jsonl, IsnadConfig config, Options o) {
        long bytes;
        try {
            bytes = Files.size(jsonl);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + jsonl, e);
        }
        for (int i = 0; i < o.warmupRounds(); i++) {
            isnadRound(jsonl, config);
            luceneRound(jsonl);
        }
        HeapWatch heap = new HeapWatch();
        List<Double> isnadMs = new ArrayList<>();
        List<Double> luceneMs = new ArrayList<>();
        double isnadPeak = 0;
        double lucenePeak = 0;
        long isnadGc = 0;
        long isnadGcMs = 0;
        long luceneGc = 0;
        long luceneGcMs = 0;
        int isnadArticles = 0;
        int luceneArticles = 0;
        for (int r = 0; r < o.rounds(); r++) {
            heap.reset();
            Round ir = isnadRound(jsonl, config);
            isnadPeak = Math.max(isnadPeak, heap.peakMb());
            isnadGc += heap.gcCountSinceReset();
            isnadGcMs += heap.gcMillisSinceReset();
            isnadMs.add(ir.millis());
            isnadArticles = ir.articles();

            heap.reset();
            Round lr = luceneRound(jsonl);
            lucenePeak = Math.max(lucenePeak, heap.peakMb());
            luceneGc += heap.gcCountSinceReset();
            luceneGcMs += heap.gcMillisSinceReset();
            luceneMs.add(lr.millis());
            luceneArticles = lr.articles();
        }
        return new Result(new Figures(isnadArticles, bytes, isnadMs, isnadPeak, isnadGc, isnadGcMs),
                new Figures(luceneArticles, bytes, luceneMs, lucenePeak, luceneGc, luceneGcMs));
    }

    private record Round(int articles, double millis) {}

    private static Round isnadRound(Path jsonl, IsnadConfig config) {
        Path dir = TempDirs.create("isnad-bench-ingest");
        try {
            long t0 = System.nanoTime();
            IngestReport report;
            // a fresh archive each round: a fresh data folder, or on OpenSearch a fresh index, dropped after
            String tag = "bench" + System.nanoTime();
            try (Isnad isnad = Isnad.open(config.withDataDir(dir.toString()).withArchiveTag(tag))) {
                report = isnad.ingester().ingest(List.of(jsonl), false, IngestListener.NONE);
                if (isnad.index() instanceof org.isnad.index.OpenSearchStore store) {
                    store.drop();
                }
            }
            return new Round(report.read(), (System.nanoTime() - t0) / 1e6);
        } finally {
            TempDirs.delete(dir);
        }
    }

    private static Round luceneRound(Path jsonl) {
        Path dir = TempDirs.create("isnad-bench-lucene");
        try {
            long t0 = System.nanoTime();
            int n = PlainLuceneIngest.index(jsonl, dir);
            return new Round(n, (System.nanoTime() - t0) / 1e6);
        } finally {
            TempDirs.delete(dir);
        }
    }
}
