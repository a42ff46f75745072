package org.isnad.review;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.isnad.answer.Answer;
import org.isnad.answer.Candidate;
import org.isnad.answer.Citation;
import org.isnad.audit.AnswerEvent;
import org.isnad.audit.AuditLog;
import org.isnad.audit.LogFilter;
import org.isnad.audit.Pseudonymizer;

/**
 * How fast the review page's list answers with a large log. Fills a fresh answer log (default
 * 100,000 entries spread over 90 days, Arabic and English, with feedback and moderation states), starts
 * the real {@link ReviewServer}, and times {@code GET /review/api/entries} over HTTP (what the page
 * calls, counters included) for the page's common filters, after a warm-up. Prints percentiles in ms.
 *
 * <pre>java -cp target/isnad.jar org.isnad.review.ReviewListBenchmark [--entries 100000] [--requests 200] [--warmup 50] [--db FILE]</pre>
 */
public final class ReviewListBenchmark {

    private static final String TOKEN = "bench-token";

    private ReviewListBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int entries = Integer.parseInt(opts.getOrDefault("entries", "100000"));
        int requests = Integer.parseInt(opts.getOrDefault("requests", "200"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "50"));
        Path db = opts.containsKey("db") ? Path.of(opts.get("db"))
                : Files.createTempDirectory("isnad-review-bench").resolve("audit.db");

        try (AuditLog log = AuditLog.open(db, Pseudonymizer.keyed(new byte[32]), Clock.systemUTC())) {
            long have = log.list(LogFilter.all(), 1, 1).total();
            if (have < entries) {
                long t0 = System.nanoTime();
                fill(log, db, entries - (int) have);
                System.out.printf("filled %,d entries in %.1f s (%s, %,d bytes)%n", entries - have,
                        (System.nanoTime() - t0) / 1e9, db, Files.size(db));
            }
            long total = log.list(LogFilter.all(), 1, 1).total();
            ReviewServer server = ReviewServer.start(new ReviewServer.Options("127.0.0.1", 0, TOKEN), log, id -> Optional.empty());
            try {
                HttpClient http = HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + server.port();
                long someId = log.list(LogFilter.all(), 1, 1).entries().getFirst().id();
                Map<String, String> scenarios = new LinkedHashMap<>();
                scenarios.put("list, no filter (page 1 + counters)", "/review/api/entries");
                scenarios.put("feedback=down", "/review/api/entries?feedback=down");
                scenarios.put("state=unreviewed & lang=ar", "/review/api/entries?state=unreviewed&lang=ar");
                scenarios.put("feedback=down & state=unreviewed", "/review/api/entries?feedback=down&state=unreviewed");
                scenarios.put("answered=no", "/review/api/entries?answered=no");
                scenarios.put("last 7 days", "/review/api/entries?since=7d");
                scenarios.put("date range + down + en", "/review/api/entries?since=30d&until=10d&feedback=down&lang=en");
                scenarios.put("free text (trigram FTS5)", "/review/api/entries?text=%D9%85%D9%88%D8%B3%D9%83%D9%88%2042");
                scenarios.put("page 500 (deep offset)", "/review/api/entries?page=500");
                scenarios.put("list without counters", "/review/api/entries?counters=false");
                scenarios.put("detail view", "/review/api/entries/" + someId);
                System.out.printf("%n%,d entries in the log; %d requests per scenario after %d warm-up; times in ms (HTTP round trip)%n%n",
                        total, requests, warmup);
                System.out.printf("%-38s %8s %8s %8s %8s %8s%n", "scenario", "p50", "p95", "p99", "max", "mean");
                for (Map.Entry<String, String> s : scenarios.entrySet()) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + s.getValue()))
                            .header("Authorization", "Bearer " + TOKEN).GET().build();
                    for (int i = 0; i < warmup; i++) {
                        send(http, request);
                    }
                    double[] ms = new double[requests];
                    for (int i = 0; i < requests; i++) {
                        long t = System.nanoTime();
                        send(http, request);
                        ms[i] = (System.nanoTime() - t) / 1e6;
                    }
                    Arrays.sort(ms);
                    System.out.printf("%-38s %8.2f %8.2f %8.2f %8.2f %8.2f%n", s.getKey(), pct(ms, 50), pct(ms, 95), pct(ms, 99),
                            ms[ms.length - 1], Arrays.stream(ms).average().orElse(0));
                }
            } finally {
                server.stop();
            }
        }
    }

    private static void send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static double pct(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** Realistic rows: two languages, cited answers, some unanswered, over 90 days; then feedback and states. */
    private static void fill(AuditLog log, Path db, int n) throws Exception {
        Random random = new Random(42);
        Instant now = Instant.now();
        long span = Duration.ofDays(90).toMillis();
        List<Long> offsets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            offsets.add((long) (random.nextDouble() * span));
        }
        offsets.sort(null); // oldest first, as a real log grows
        int batch = 5_000;
        for (int from = 0; from < n; from += batch) {
            List<AuditLog.Backdated> rows = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + batch); i++) {
                Instant at = now.minusMillis(span - offsets.get(i));
                rows.add(new AuditLog.Backdated(at, answer(random, i), random.nextInt(4) == 0 ? AnswerEvent.cli()
                        : AnswerEvent.telegram(random.nextInt(5000), random.nextInt(5000), "subscriber", i)));
            }
            log.recordAll(rows);
        }
        // Feedback and moderation in bulk (set-based SQL, setup only).
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 10000");
            st.execute("UPDATE answers SET feedback = 'down', feedback_at = at + 60000 WHERE id % 10 = 3");
            st.execute("UPDATE answers SET feedback = 'up', feedback_at = at + 60000 WHERE id % 5 = 1");
            st.execute("UPDATE answers SET state = 'ok', moderator = 'bench', reviewed_at = at + 3600000 WHERE id % 7 = 0");
            st.execute("UPDATE answers SET state = 'wrong-citation', moderator = 'bench' WHERE id % 50 = 3");
            st.execute("UPDATE answers SET state = 'wrong-answer', moderator = 'bench' WHERE id % 97 = 5");
        }
    }

    private static Answer answer(Random random, int i) {
        boolean arabic = random.nextBoolean();
        boolean answered = random.nextInt(100) >= 15;
        String question = arabic ? "من دعت روسيا إلى موسكو في الاجتماع رقم " + i + "؟"
                : "Who did Russia invite to Moscow for meeting " + i + "?";
        String quote = arabic ? "دعت روسيا الفصائل الفلسطينية إلى موسكو" : "Russia invited the Palestinian factions to Moscow";
        List<Citation> citations = answered
                ? List.of(new Citation(1, "doc-" + (i % 5000), "Title " + i, "Outlet", "2024-02-20", quote, 100, 100 + quote.length(), null),
                        new Citation(2, "doc-" + ((i + 7) % 5000), "Title " + (i + 7), "Outlet", "2024-02-21", quote, 40, 40 + quote.length(), null))
                : List.of();
        String text = answered ? (arabic ? "دعت روسيا الفصائل الفلسطينية [1] [2]." : "Russia invited the Palestinian factions [1] [2].")
                : (arabic ? "لا تجيب المصادر عن هذا السؤال." : "The sources do not answer this question.");
        return new Answer(question, arabic ? "ar" : "en", answered, text, citations, List.of(), "extractive",
                5 + random.nextInt(80), List.of(new Candidate("doc-" + (i % 5000), 100, 400, 7.5)), List.of());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("usage: [--entries N] [--requests N] [--warmup N] [--db FILE]");
            }
            m.put(args[i].substring(2), args[i + 1]);
        }
        return m;
    }
}
