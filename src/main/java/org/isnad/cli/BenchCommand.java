package org.isnad.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.isnad.Isnad;
import org.isnad.Json;
import org.isnad.eval.AskBench;
import org.isnad.eval.BriefBench;
import org.isnad.eval.IngestBench;
import org.isnad.eval.IsnadAnswers;
import org.isnad.eval.IsnadQa;
import org.isnad.eval.TempDirs;
import org.isnad.ingest.IngestListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures speed, Isnad beside plain Lucene in the same process (warm-up, then rounds).",
            "Hot inner loops: java -cp target/isnad.jar org.openjdk.jmh.Main org.isnad.eval.jmh"},
        subcommands = {BenchCommand.Ingest.class, BenchCommand.Ask.class, BenchCommand.Brief.class, BenchCommand.Feeds.class,
            BenchCommand.Log.class, BenchCommand.Webhook.class})
final class BenchCommand implements Runnable {

    @ParentCommand
    IsnadCli root;

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** The options every benchmark takes: warm-up and measured rounds, and JSON output. */
    static final class Rounds {
        @Option(names = "--warmup", defaultValue = "1", description = "Unmeasured rounds of each (default ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds of each (default ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--json", description = "Print {\"isnad\": {...}, \"lucene\": {...}, \"ratio\": ...}.")
        boolean json;
    }

    /** The PostgreSQL a benchmark measures on: {@code --jdbc-url}, else {@code ISNAD_AUDIT_JDBC_URL}; null when neither. */
    static final class PostgresUrl {
        @Option(names = "--jdbc-url", paramLabel = "URL", description = "jdbc:postgresql://… (default: ISNAD_AUDIT_JDBC_URL).")
        String jdbcUrl;

        String resolve(java.util.Map<String, String> env) {
            return jdbcUrl != null ? jdbcUrl : env.get("ISNAD_AUDIT_JDBC_URL");
        }
    }

    static void print(boolean json, java.util.Map<String, Object> asJson, String table) throws Exception {
        if (json) {
            System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(asJson));
        } else {
            System.out.print(table);
        }
    }

    /**
     * The core to measure: the --data index (with the bundled sample when it is empty), or, with
     * --corpus, a fresh data folder under {@code tmp} holding just that corpus.
     */
    Isnad openMeasured(List<Path> corpus, Path tmp) {
        if (corpus == null) {
            Isnad isnad = root.openIsnad();
            isnad.ensureSampleIndexed();
            return isnad;
        }
        Isnad isnad = Isnad.open(root.config().withDataDir(tmp.resolve("data").toString()));
        isnad.ingester().ingest(corpus, false, IngestListener.NONE);
        return isnad;
    }

    /** Whether every corpus path can be read (a mistyped path must not measure a smaller corpus). */
    static boolean readable(String command, List<Path> corpus) {
        for (Path p : corpus == null ? List.<Path>of() : corpus) {
            if (!Files.isReadable(p)) {
                System.err.println("isnad bench " + command + ": cannot read " + p);
                return false;
            }
        }
        return true;
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Isnad's full ingest of a JSONL file into a fresh temporary data folder vs plain Lucene indexing the same articles: articles/s, MB/s, peak heap, ratio.")
    static final class Ingest implements Callable<Integer> {
        @ParentCommand
        BenchCommand bench;

        @Parameters(paramLabel = "FILE.jsonl", description = "Articles, one JSON object a line.")
        Path file;

        @Mixin
        Rounds measure;

        @Override
        public Integer call() throws Exception {
            if (!Files.isReadable(file)) {
                System.err.println("isnad bench ingest: cannot read " + file);
                return 1;
            }
            if (measure.rounds < 1 || measure.warmup < 0) {
                System.err.println("isnad bench ingest: --rounds must be >= 1 and --warmup >= 0");
                return 2;
            }
            IngestBench.Result r = IngestBench.run(file, bench.root.config(), new IngestBench.Options(measure.warmup, measure.rounds));
            print(measure.json, r.toJson(), r.toTable());
            return 0;
        }
    }

    @Command(name = "ask", mixinStandardHelpOptions = true,
            description = "Answer latency (median, p99) vs plain Lucene top-10 BM25 search for the same generated questions, on the --data index or a --corpus ingested into a fresh temporary folder.")
    static final class Ask implements Callable<Integer> {
        @ParentCommand
        BenchCommand bench;

        @Option(names = "--corpus", arity = "1..*", paramLabel = "PATH", description = "Ingest these into a fresh temporary data folder first (default: the --data index).")
        List<Path> corpus;

        @Option(names = "--questions", defaultValue = "200", description = "Questions generated from the documents (default ${DEFAULT-VALUE}).")
        int questions;

        @Option(names = "--seed", defaultValue = "42", description = "Seed for the questions (default ${DEFAULT-VALUE}).")
        long seed;

        @Mixin
        Rounds measure;

        @Override
        public Integer call() throws Exception {
            if (measure.rounds < 1 || measure.warmup < 0 || questions < 1) {
                System.err.println("isnad bench ask: --rounds and --questions must be >= 1, --warmup >= 0");
                return 2;
            }
            if (!readable("ask", corpus)) {
                return 1;
            }
            Path tmp = TempDirs.create("isnad-bench-ask");
            try (Isnad isnad = bench.openMeasured(corpus, tmp)) {
                AskBench.Result r = AskBench.run(isnad.index(), new IsnadQa(IsnadAnswers.of(isnad)), tmp.resolve("lucene"),
                        new AskBench.Options(questions, seed, measure.warmup, measure.rounds));
                print(measure.json, r.toJson(), r.toTable());
                return 0;
            } finally {
                TempDirs.delete(tmp);
            }
        }
    }

    @Command(name = "brief", mixinStandardHelpOptions = true,
            description = "Briefing latency (median, p99, peak heap) vs plain Lucene top-10 BM25 search for the same topics (generated from the documents, or --topics FILE), on the --data index or a --corpus ingested into a fresh temporary folder.")
    static final class Brief implements Callable<Integer> {
        @ParentCommand
        BenchCommand bench;

        @Option(names = "--corpus", arity = "1..*", paramLabel = "PATH", description = "Ingest these into a fresh temporary data folder first (default: the --data index).")
        List<Path> corpus;

        @Option(names = "--topics", paramLabel = "FILE", description = "Topics, one a line (blank lines and lines starting with # are skipped); default: generated.")
        Path topicsFile;

        @Option(names = "--count", defaultValue = "60", description = "Topics generated from the documents: half frequent title words, half titles (default ${DEFAULT-VALUE}).")
        int count;

        @Option(names = "--seed", defaultValue = "42", description = "Seed for the topics (default ${DEFAULT-VALUE}).")
        long seed;

        @Mixin
        Rounds measure;

        @Override
        public Integer call() throws Exception {
            if (measure.rounds < 1 || measure.warmup < 0 || count < 1) {
                System.err.println("isnad bench brief: --rounds and --count must be >= 1, --warmup >= 0");
                return 2;
            }
            if (!readable("brief", corpus)) {
                return 1;
            }
            List<String> topics = null;
            if (topicsFile != null) {
                if (!Files.isReadable(topicsFile)) {
                    System.err.println("isnad bench brief: cannot read " + topicsFile);
                    return 1;
                }
                topics = Files.readAllLines(topicsFile).stream().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
                if (topics.isEmpty()) {
                    System.err.println("isnad bench brief: no topics in " + topicsFile);
                    return 1;
                }
            }
            Path tmp = TempDirs.create("isnad-bench-brief");
            try (Isnad isnad = bench.openMeasured(corpus, tmp)) {
                BriefBench.Result r = BriefBench.run(isnad.index(), isnad.briefer(), topics, tmp.resolve("lucene"),
                        new BriefBench.Options(count, seed, measure.warmup, measure.rounds));
                print(measure.json, r.toJson(), r.toTable());
                return 0;
            } finally {
                TempDirs.delete(tmp);
            }
        }
    }

    @Command(name = "feeds", mixinStandardHelpOptions = true,
            description = "Feed ingest speed: a generated RSS feed served from 127.0.0.1, polled into a fresh index each round.")
    static final class Feeds implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Mixin
        Rounds rounds;

        @Option(names = "--entries", defaultValue = "500", description = "Entries in the feed (default ${DEFAULT-VALUE}).")
        int entries;

        @Option(names = "--pages", description = "Entries carry a summary; each article page is fetched and read.")
        boolean pages;

        @Override
        public Integer call() throws Exception {
            Path tmp = Files.createTempDirectory("isnad-feedbench");
            var r = org.isnad.eval.FeedBench.run(entries, pages, rounds.warmup, Math.max(1, rounds.rounds), tmp);
            print(rounds.json, r.toJson(), r.toTable());
            return 0;
        }
    }

    @Command(name = "log", mixinStandardHelpOptions = true,
            description = {"Answer-log write latency (median, p99, writes/s), one entry at a time as the bot writes them, "
                    + "on SQLite (a fresh file) beside PostgreSQL (a fresh table in the database of --jdbc-url or "
                    + "ISNAD_AUDIT_JDBC_URL, dropped afterwards). Without a PostgreSQL URL only SQLite is measured."})
    static final class Log implements Callable<Integer> {
        @ParentCommand
        BenchCommand bench;

        @Mixin
        PostgresUrl postgres;

        @Option(names = "--writes", defaultValue = "2000", description = "Entries written per round (default ${DEFAULT-VALUE}).")
        int writes;

        @Option(names = "--threads", defaultValue = "1", description = "Writers at once (default ${DEFAULT-VALUE}).")
        int threads;

        @Mixin
        Rounds measure;

        @Override
        public Integer call() throws Exception {
            if (measure.rounds < 1 || measure.warmup < 0 || writes < 1 || threads < 1) {
                System.err.println("isnad bench log: --rounds, --writes and --threads must be >= 1, --warmup >= 0");
                return 2;
            }
            String url = postgres.resolve(bench.root.env());
            org.isnad.audit.LogWriteBench.Result r = org.isnad.audit.LogWriteBench.run(url, bench.root.env(),
                    new org.isnad.audit.LogWriteBench.Options(writes, threads, measure.warmup, measure.rounds));
            print(measure.json, r.toJson(), r.toTable());
            return 0;
        }
    }

    @Command(name = "webhook", mixinStandardHelpOptions = true,
            description = {"Answers per second through isnad serve processes in webhook mode on one PostgreSQL "
                    + "(--jdbc-url or ISNAD_AUDIT_JDBC_URL; a schema of its own, dropped afterwards), a stand-in Bot API "
                    + "on 127.0.0.1 behind them and 50 chats in front, for each --instances count in turn."})
    static final class Webhook implements Callable<Integer> {
        @ParentCommand
        BenchCommand bench;

        @Mixin
        PostgresUrl postgres;

        @Option(names = "--instances", split = ",", defaultValue = "1,2", description = "Fleet sizes to measure (default ${DEFAULT-VALUE}).")
        List<Integer> instances;

        @Option(names = "--per-chat", defaultValue = "20", description = "Updates per chat and run (default ${DEFAULT-VALUE}).")
        int perChat;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            String url = postgres.resolve(bench.root.env());
            if (url == null || url.isBlank() || perChat < 1 || instances.stream().anyMatch(n -> n < 1)) {
                System.err.println("isnad bench webhook: needs --jdbc-url (or ISNAD_AUDIT_JDBC_URL), --per-chat >= 1, --instances >= 1");
                return 2;
            }
            org.isnad.bot.WebhookBench.Result r = org.isnad.bot.WebhookBench.run(url, bench.root.env(),
                    new org.isnad.bot.WebhookBench.Options(instances, 50, perChat));
            print(json, r.toJson(), r.toTable());
            return 0;
        }
    }
}
