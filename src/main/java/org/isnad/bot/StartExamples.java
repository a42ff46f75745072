package org.isnad.bot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.isnad.answer.Answer;
import org.isnad.index.DocInfo;
import org.isnad.index.IndexStats;
import org.isnad.text.Language;

/**
 * The example questions /start offers: questions about the newest documents, each shown only after
 * Isnad has answered it from that very document, so that a reader who sends one back gets an answer.
 * They are checked once per state of the archive (its size and newest documents) and reader
 * language, so an ingest or a feed refreshes them at the next /start.
 */
final class StartExamples {

    /** How many examples /start shows at most. */
    static final int SHOWN = 3;
    /** How many candidate questions are asked at most per check, so that /start stays quick. */
    static final int TRIED = 12;
    /** The question forms (templates of prompts/{ar,en}/bot.v1.txt), filled with a document's title and outlet. */
    private static final List<String> FORMS = List.of("start.example1", "start.example2", "start.example3");
    /** Archive states remembered (one per reader language is enough; a few more for safety). */
    private static final int REMEMBERED = 4;

    private record Key(int documents, List<String> newest, Language reader) {}

    private final Map<Key, List<String>> checked = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, List<String>> eldest) {
            return size() > REMEMBERED;
        }
    };

    /**
     * Up to {@link #SHOWN} questions, as plain text, that Isnad answers: in the reader's language
     * when such questions answer, otherwise (an English reader of an Arabic-only archive) in the
     * documents' own language.
     */
    synchronized List<String> examples(BotCore core, BotTexts texts, IndexStats stats, Language reader) {
        Key key = new Key(stats.documents(), stats.latest().stream().map(DocInfo::id).toList(), reader);
        List<String> known = checked.get(key);
        if (known == null) {
            known = List.copyOf(check(core, texts, stats.latest(), reader));
            checked.put(key, known);
        }
        return known;
    }

    private static List<String> check(BotCore core, BotTexts texts, List<DocInfo> newest, Language reader) {
        List<DocInfo> docs = new ArrayList<>(newest.stream().filter(d -> d.title() != null && !d.title().isBlank()).toList());
        // documents in the reader's language first: a question about them is asked in their language
        docs.sort(java.util.Comparator.comparing(d -> d.language() == reader ? 0 : 1));
        List<String> out = new ArrayList<>();
        int[] tried = {0};
        // one example per document first, for variety; then further forms while room remains
        for (int round = 0; round < FORMS.size() && out.size() < SHOWN && tried[0] < TRIED; round++) {
            for (DocInfo d : docs) {
                if (out.size() >= SHOWN || tried[0] >= TRIED) {
                    break;
                }
                List<Language> languages = d.language() == reader || d.language() == null || d.language() == Language.OTHER
                        ? List.of(reader) : List.of(reader, d.language());
                for (Language asked : languages) {
                    String q = question(texts, asked, FORMS.get(round), d);
                    if (out.contains(q)) {
                        continue;
                    }
                    tried[0]++;
                    if (answersFrom(core.ask(q, null), d)) {
                        out.add(q);
                        break;
                    }
                    if (tried[0] >= TRIED) {
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static String question(BotTexts texts, Language language, String form, DocInfo d) {
        return texts.plain(language, form, Map.of("title", d.title().strip(), "outlet", d.outlet() == null ? "" : d.outlet()));
    }

    private static boolean answersFrom(Answer a, DocInfo d) {
        return a.answered() && !a.citations().isEmpty() && a.citations().get(0).docId().equals(d.id());
    }
}
