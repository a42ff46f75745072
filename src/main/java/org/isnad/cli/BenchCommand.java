package org.isnad.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.isnad.Isnad;
import org.isnad.Json;
import org.isnad.eval.AskBench;
import org.isnad.eval.IngestBench;
import org.isnad.eval.IsnadAnswers;
import org.isnad.eval.IsnadQa;
import org.isnad.eval.TempDirs;
import org.isnad.ingest.IngestListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures speed, Isnad beside plain Lucene in the same process (warm-up, then rounds).",
            "Hot inner loops: java -cp target/isnad.jar org.openjdk.jmh.Main org.isnad.eval.jmh"},
        subcommands = {BenchCommand.Ingest.class, BenchCommand.Ask.class, BenchCommand.Brief.class})
final class BenchCommand implements Runnable {

    @ParentCommand
    IsnadCli root;

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    static void print(boolean json, java.util.Map<String, Object> asJson, String table) throws Exception {
        if (json) {
            System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(asJson));
        } else {
            System.out.print(table);
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Isnad's full ingest of a JSONL file into a fresh temporary data folder vs plain Lucene indexing the same articles: articles/s, MB/s, peak heap, ratio.")
    static final class Ingest implements Callable<Integer> {
        @ParentCommand
        BenchCommand bench;

        @Parameters(paramLabel = "FILE.jsonl", description = "Articles, one JSON object a line.")
        Path file;

        @Option(names = "--warmup", defaultValue = "1", description = "Unmeasured rounds of each (default ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds of each (default ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--json", description = "Print {\"isnad\": {...}, \"lucene\": {...}, \"ratio\": ...}.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            if (!Files.isReadable(file)) {
                System.err.println("isnad bench ingest: cannot read " + file);
                return 1;
            }
            if (rounds < 1 || warmup < 0) {
                System.err.println("isnad bench ingest: --rounds must be >= 1 and --warmup >= 0");
                return 2;
            }
            IngestBench.Result r = IngestBench.run(file, bench.root.config(), new IngestBench.Options(warmup, rounds));
            print(json, r.toJson(), r.toTable());
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

        @Option(names = "--warmup", defaultValue = "1", description = "Unmeasured rounds (default ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds (default ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--json", description = "Print {\"isnad\": {...}, \"lucene\": {...}, \"ratio\": ...}.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            if (rounds < 1 || warmup < 0 || questions < 1) {
                System.err.println("isnad bench ask: --rounds and --questions must be >= 1, --warmup >= 0");
                return 2;
            }
            Path tmp = TempDirs.create("isnad-bench-ask");
            try (Isnad isnad = corpus == null ? bench.root.openIsnad()
                    : Isnad.open(bench.root.config().withDataDir(tmp.resolve("data").toString()))) {
                if (corpus != null) {
                    isnad.ingester().ingest(corpus, false, IngestListener.NONE);
                } else {
                    isnad.ensureSampleIndexed();
                }
                AskBench.Result r = AskBench.run(isnad.index(), new IsnadQa(IsnadAnswers.of(isnad)), tmp.resolve("lucene"),
                        new AskBench.Options(questions, seed, warmup, rounds));
                print(json, r.toJson(), r.toTable());
                return 0;
            } finally {
                TempDirs.delete(tmp);
            }
        }
    }

    @Command(name = "brief", mixinStandardHelpOptions = true,
            description = "Briefing latency: not available yet (briefings, issue 6, are not built).")
    static final class Brief implements Callable<Integer> {
        @Override
        public Integer call() {
            System.err.println("isnad bench brief: not available yet: briefings (issue 6) are not on main.");
            return 1;
        }
    }
}
