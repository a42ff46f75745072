package org.isnad.eval.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.isnad.index.Analyzers;
import org.isnad.index.Fields;
import org.isnad.text.ArabicNormalizer;
import org.isnad.text.Sentence;
import org.isnad.text.SentenceSplitter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot inner loops of ingest and answering over the bundled sample article (Arabic report and
 * transcript, ~10 KB): sentence splitting, Arabic normalization, and the Arabic analysis chain.
 * Run: {@code java -cp target/isnad.jar org.openjdk.jmh.Main org.isnad.eval.jmh -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TextLoops {

    private String article;
    private SentenceSplitter splitter;
    private Analyzers analyzers;

    @Setup
    public void setUp() {
        try (InputStream in = TextLoops.class.getClassLoader().getResourceAsStream("corpus/sample/moscow-talks-2024-02-20.ar.txt")) {
            if (in == null) {
                throw new IllegalStateException("the bundled sample article is missing from the class path");
            }
            article = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        splitter = new SentenceSplitter();
        analyzers = new Analyzers();
    }

    @Benchmark
    public List<Sentence> splitSentences() {
        return splitter.split(article);
    }

    @Benchmark
    public String normalizeArabic() {
        return ArabicNormalizer.normalize(article);
    }

    @Benchmark
    public List<String> analyzeArabic() {
        return analyzers.terms(Fields.BODY_AR, article);
    }
}
