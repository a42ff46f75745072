package org.isnad.answer.llm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.isnad.text.ArabicNormalizer;

/**
 * The bundled sample article cut into one passage per paragraph, with a small word-overlap search
 * over them: the passage source for tests that exercise the verifier on real Arabic text.
 */
final class SampleArchive {

    static final String DOC_ID = "moscow-talks-2024-02-20";
    private final String text;
    private final List<LlmPassage> passages = new ArrayList<>();

    SampleArchive() {
        this(read(Path.of("corpus/sample/moscow-talks-2024-02-20.ar.txt")));
    }

    SampleArchive(String text) {
        this.text = text;
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl;
            if (end > from && !text.substring(from, end).isBlank()) {
                passages.add(new LlmPassage(DOC_ID, "يدعو بوتين حماس لإجراء محادثات في موسكو", "France 24", "2024-02-20",
                        "ar", from, end, text.substring(from, end), 0));
            }
            from = end + 1;
        }
    }

    String text() {
        return text;
    }

    List<LlmPassage> passages() {
        return passages;
    }

    /** The first passage whose text contains {@code s}. */
    LlmPassage containing(String s) {
        return passages.stream().filter(p -> p.text().contains(s)).findFirst().orElseThrow();
    }

    PassageSearch search() {
        return (query, n) -> {
            Set<String> words = words(query);
            return passages.stream()
                    .map(p -> {
                        Set<String> w = words(p.text());
                        w.retainAll(words);
                        return new LlmPassage(p.docId(), p.title(), p.outlet(), p.date(), p.language(), p.start(),
                                p.end(), p.text(), w.size());
                    })
                    .filter(p -> p.score() > 0)
                    .sorted(Comparator.comparingDouble(LlmPassage::score).reversed())
                    .limit(n)
                    .toList();
        };
    }

    private static Set<String> words(String s) {
        Set<String> out = new HashSet<>();
        for (String w : ArabicNormalizer.normalize(s).toLowerCase().split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 2) {
                out.add(w);
            }
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
