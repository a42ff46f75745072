package org.isnad.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.isnad.Isnad;
import org.isnad.Json;
import org.isnad.eval.EvalReport;
import org.isnad.eval.IsnadAnswers;
import org.isnad.eval.IsnadQa;
import org.isnad.eval.QuestionSet;
import org.isnad.eval.SetEval;
import org.isnad.eval.AnswerabilityFit;
import org.isnad.eval.SquadDataset;
import org.isnad.eval.SpanModelFit;
import org.isnad.eval.SquadEval;
import org.isnad.eval.TempDirs;
import org.isnad.ingest.IngestListener;
import org.isnad.ingest.IngestReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {
            "Measures answer quality, Isnad beside plain Lucene (BM25 over the same passages, top sentence as the quote).",
            "  isnad eval --dataset xquad.ar.json [--questions xquad.en.json] [--withhold 0.2] [--json]",
            "  isnad eval --set questions.jsonl [--corpus PATH...] [--json]",
            "  isnad eval --dataset xquad.ar.json --span-features ar.tsv; isnad eval --fit-spans ar.tsv en.tsv"})
final class EvalCommand implements Callable<Integer> {

    @ParentCommand
    IsnadCli root;

    @Option(names = "--dataset", paramLabel = "FILE", description = "SQuAD-format JSON (XQuAD, XQuAD-R): its paragraphs are indexed in a fresh temporary data folder.")
    Path dataset;

    @Option(names = "--questions", paramLabel = "FILE", description = "Take the questions from this parallel SQuAD file (same ids), e.g. English questions over Arabic paragraphs.")
    Path questions;

    @Option(names = "--withhold", defaultValue = "0", paramLabel = "SHARE", description = "Leave this seeded share of paragraphs out of the index; their questions should be refused (default ${DEFAULT-VALUE}).")
    double withhold;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for --withhold and --limit (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "Ask only a seeded sample of N questions (0: all).")
    int limit;

    @Option(names = "--warmup", defaultValue = "20", paramLabel = "N", description = "Unscored warm-up questions before measuring (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--set", paramLabel = "FILE", description = "Our own JSONL questions {id, lang, question, doc_id, must_contain_any[], type}.")
    Path set;

    @Option(names = "--corpus", arity = "1..*", paramLabel = "PATH", description = "With --set: ingest these files or folders into a fresh temporary data folder (default: the --data index).")
    List<Path> corpus;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--failures", description = "With --set: also list the questions Isnad failed, with its first quote.")
    boolean failures;

    @Option(names = "--features", paramLabel = "FILE",
            description = "With --set: also write every question's candidate documents and their answerability features (TSV) for --fit.")
    Path features;

    @Option(names = "--fit", paramLabel = "FILE", arity = "1..*",
            description = "Fit the answerability model on feature files written by --features; prints the weights and a cross-validated curve.")
    List<Path> fit;

    @Option(names = "--span-features", paramLabel = "FILE",
            description = "With --dataset: also write the direct line's span candidates and their features (TSV) for --fit-spans.")
    Path spanFeatures;

    @Option(names = "--fit-spans", paramLabel = "FILE", arity = "1..*",
            description = "Fit the direct line's span model on files written by --span-features; prints the weights and a two-fold cross-validation.")
    List<Path> fitSpans;

    @Override
    public Integer call() throws Exception {
        if (fitSpans != null) {
            System.out.print(SpanModelFit.report(SpanModelFit.read(fitSpans), seed));
            return 0;
        }
        if (fit != null) {
            System.out.print(AnswerabilityFit.report(AnswerabilityFit.read(fit), 5));
            return 0;
        }
        if ((dataset == null) == (set == null)) {
            System.err.println("isnad eval: give exactly one of --dataset FILE or --set FILE (see --help)");
            return 2;
        }
        if (withhold < 0 || withhold >= 1 || limit < 0 || warmup < 0) {
            System.err.println("isnad eval: --withhold must be in [0, 1), --limit and --warmup >= 0");
            return 2;
        }
        for (Path p : dataset != null ? List.of(dataset) : List.of(set)) {
            if (!Files.isReadable(p)) {
                System.err.println("isnad eval: cannot read " + p);
                return 1;
            }
        }
        if (questions != null && !Files.isReadable(questions)) {
            System.err.println("isnad eval: cannot read " + questions);
            return 1;
        }
        EvalReport report;
        List<String> keys;
        if (dataset != null) {
            report = runDataset();
            keys = json ? SquadEval.KEYS : SquadEval.TABLE_KEYS;
        } else {
            report = runSet();
            keys = SetEval.KEYS;
        }
        if (json) {
            System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.toJson(keys)));
        } else {
            System.out.print(report.toTable(keys));
        }
        return 0;
    }

    private EvalReport runDataset() {
        SquadDataset ds = SquadDataset.load(dataset);
        if (questions != null) {
            ds = ds.withQuestionsFrom(SquadDataset.load(questions));
        }
        Path tmp = TempDirs.create("isnad-eval");
        try (Isnad isnad = Isnad.open(root.config().withDataDir(tmp.resolve("data").toString()))) {
            return SquadEval.run(ds, isnad, new IsnadQa(IsnadAnswers.of(isnad)), tmp.resolve("lucene"),
                    new SquadEval.Options(withhold, seed, limit, warmup, spanFeatures));
        } finally {
            TempDirs.delete(tmp);
        }
    }

    private EvalReport runSet() {
        QuestionSet qs = QuestionSet.load(set);
        Path tmp = TempDirs.create("isnad-eval");
        try (Isnad isnad = corpus == null ? root.openIsnad() : Isnad.open(root.config().withDataDir(tmp.resolve("data").toString()))) {
            if (corpus != null) {
                IngestReport r = isnad.ingester().ingest(corpus, false, IngestListener.NONE);
                if (!json) {
                    System.out.println("corpus: " + r.summary());
                }
            } else {
                isnad.ensureSampleIndexed();
            }
            if (features != null) {
                writeFeatures(qs, isnad);
            }
            SetEval.Result result = SetEval.run(qs, isnad.index(), new IsnadQa(IsnadAnswers.of(isnad)), tmp.resolve("lucene"), warmup);
            if (failures && !json) {
                printFailures(result);
            }
            return result.report();
        } finally {
            TempDirs.delete(tmp);
        }
    }

    private void writeFeatures(QuestionSet qs, Isnad isnad) {
        List<String> lines = new java.util.ArrayList<>(List.of(AnswerabilityFit.header()));
        var answers = isnad.answerFactory();
        for (QuestionSet.Item item : qs.items()) {
            var q = answers.analyzer().analyze(item.question(), item.question(), null);
            for (var f : answers.extractive().candidates(q, new org.isnad.answer.DocumentTexts(isnad.index()))) {
                boolean answering = item.answerable() && (f.docId().equals(item.docId()) || item.alsoIn().contains(f.docId()));
                lines.add(AnswerabilityFit.line(item.id(), item.answerable(), f, answering));
            }
        }
        try {
            Files.write(features, lines, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + features, e);
        }
        System.err.println("features: " + (lines.size() - 1) + " candidates written to " + features);
    }

    private static void printFailures(SetEval.Result result) {
        System.out.println("failed by Isnad:");
        for (SetEval.Outcome o : result.outcomes()) {
            if (o.isnadPass()) {
                continue;
            }
            var r = o.isnad();
            String said = !r.answered() ? "refused"
                    : r.citations().isEmpty() ? "answered without quotes"
                    : "[" + r.citations().get(0).docId() + "] " + r.citations().get(0).quote().replaceAll("\\s+", " ");
            System.out.printf("  %s (%s, %s, expects %s): %s%n    -> %s%n", o.item().id(), o.item().lang(), o.item().type(),
                    o.item().docId() == null ? "a refusal" : o.item().docId(), o.item().question(),
                    said.length() > 200 ? said.substring(0, 200) + "…" : said);
        }
        System.out.println();
    }
}
