package org.isnad.bot;

import java.util.List;
import java.util.function.BiFunction;
import org.isnad.Isnad;
import org.isnad.answer.Answer;
import org.isnad.answer.Citation;
import org.isnad.index.PassageHit;
import org.isnad.text.Language;
import org.isnad.text.LanguageDetector;

/**
 * Test stand-in for the answer service until it is on main: quotes the first sentence of the best
 * passage from the real index, with real offsets. Replace with {@code isnad.answers()} on merge.
 */
final class IndexQuoteAsker implements BiFunction<String, Language, Answer> {

    private final Isnad isnad;

    IndexQuoteAsker(Isnad isnad) {
        this.isnad = isnad;
    }

    @Override
    public Answer apply(String question, Language forced) {
        Language lang = forced != null ? forced : new LanguageDetector().detect(question);
        String code = lang == Language.AR ? "ar" : "en";
        List<PassageHit> hits = isnad.index().search(question, 1);
        if (hits.isEmpty()) {
            return new Answer(question, code, false, code.equals("ar") ? "لا تجيب المصادر." : "The sources do not answer this.",
                    List.of(), List.of(), "extractive", 1, List.of(), List.of());
        }
        PassageHit h = hits.get(0);
        String text = isnad.index().document(h.doc().id()).orElseThrow().text();
        int start = h.passage().start();
        int stop = text.indexOf('.', start);
        int end = stop < 0 || stop > h.passage().end() ? h.passage().end() : stop + 1;
        Citation c = new Citation(1, h.doc().id(), h.doc().title(), h.doc().outlet(),
                h.doc().date() == null ? null : h.doc().date().toString(), text.substring(start, end), start, end, null);
        return new Answer(question, code, true, (code.equals("ar") ? "بحسب المصدر [1]." : "According to the source [1]."),
                List.of(c), List.of(), "extractive", 1, List.of(), List.of());
    }
}
