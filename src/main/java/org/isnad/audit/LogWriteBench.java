package org.isnad.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.isnad.answer.Answer;
import org.isnad.answer.Citation;

/**
 * {@code isnad bench log}: how long the answer log takes to record one answer (the bot records before
 * it replies, so this is on every answer's path), on SQLite beside PostgreSQL, with the same entries
 * and the same code. PostgreSQL is measured in a schema of its own ({@link ScratchSchema}).
 */
public final class LogWriteBench {

    public record Options(int writes, int threads, int warmup, int rounds) {}

    /** Per backend: median and p99 of one write (ms) and writes a second over the measured rounds. */
    public record Figures(double p50Ms, double p99Ms, double writesPerSecond) {}

    public record Result(Options options, Map<String, Figures> backends) {
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("writes", options.writes());
            m.put("threads", options.threads());
            m.put("rounds", options.rounds());
            m.put("backends", backends);
            return m;
        }

        public String toTable() {
            StringBuilder b = new StringBuilder(String.format("answer-log writes: %d per round, %d thread(s), %d round(s)%n",
                    options.writes(), options.threads(), options.rounds()));
            b.append(String.format("%-12s %10s %10s %12s%n", "backend", "p50 ms", "p99 ms", "writes/s"));
            backends.forEach((name, f) -> b.append(String.format("%-12s %10.3f %10.3f %12.0f%n", name, f.p50Ms(), f.p99Ms(), f.writesPerSecond())));
            if (!backends.containsKey("postgres")) {
                b.append("(PostgreSQL not measured: give --jdbc-url or ISNAD_AUDIT_JDBC_URL)\n");
            }
            return b.toString();
        }
    }

    private LogWriteBench() {}

    public static Result run(String jdbcUrl, Map<String, String> env, Options o) throws Exception {
        Map<String, Figures> out = new LinkedHashMap<>();
        Path tmp = Files.createTempDirectory("isnad-bench-log");
        try (AuditLog sqlite = AuditLog.open(tmp.resolve("audit.db"), Pseudonymizer.keyed(new byte[32]), Clock.systemUTC())) {
            out.put("sqlite", measure(sqlite, o));
        } finally {
            try (var files = Files.walk(tmp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            try (ScratchSchema schema = ScratchSchema.create(jdbcUrl, env, "isnad_bench");
                 AuditLog pg = AuditLog.openPostgres(schema.url(), Math.max(2, o.threads() + 1), env, Pseudonymizer.keyed(new byte[32]),
                         Clock.systemUTC())) {
                out.put("postgres", measure(pg, o));
            }
        }
        return new Result(o, out);
    }

    private static Figures measure(AuditLog log, Options o) throws Exception {
        for (int r = 0; r < o.warmup(); r++) {
            round(log, o);
        }
        List<Double> all = new ArrayList<>();
        long nanos = 0;
        for (int r = 0; r < o.rounds(); r++) {
            long t0 = System.nanoTime();
            all.addAll(round(log, o));
            nanos += System.nanoTime() - t0;
        }
        double[] ms = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Figures(ms[ms.length / 2], ms[Math.min(ms.length - 1, (int) Math.ceil(ms.length * 0.99) - 1)],
                all.size() / (nanos / 1e9));
    }

    /** One round: {@code writes} entries by {@code threads} writers; each write's time in ms. */
    private static List<Double> round(AuditLog log, Options o) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(o.threads());
        try {
            List<Future<double[]>> parts = new ArrayList<>();
            int each = o.writes() / o.threads();
            for (int t = 0; t < o.threads(); t++) {
                int thread = t;
                parts.add(pool.submit(() -> {
                    double[] times = new double[each];
                    for (int i = 0; i < each; i++) {
                        Answer a = entry(thread, i);
                        long t0 = System.nanoTime();
                        log.record(a, AnswerEvent.telegram(1000L + thread, 2000L + i, "subscriber", (long) i));
                        times[i] = (System.nanoTime() - t0) / 1e6;
                    }
                    return times;
                }));
            }
            List<Double> out = new ArrayList<>();
            for (Future<double[]> f : parts) {
                Arrays.stream(f.get()).forEach(out::add);
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    /** An answer of the usual size: a question, a cited line, two quotes. */
    private static Answer entry(int thread, int i) {
        String quote = "وجهت روسيا الدعوة لكافة الفصائل الفلسطينية للاجتماع في موسكو " + i;
        List<Citation> citations = List.of(
                new Citation(1, "doc-" + i, "Moscow talks", "France 24", "2024-02-20", quote, 0, quote.length(), null),
                new Citation(2, "doc-" + (i + 1), "Moscow talks", "Al Arabiya", "2024-02-21", quote, 10, 10 + quote.length(), null));
        return new Answer("Who did Russia invite to Moscow? (" + thread + "/" + i + ")", "en", true,
                "Russia invited the Palestinian factions [1] [2]", citations, List.of(), "extractive", 14, List.of(), List.of());
    }
}
