package org.isnad.bot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.isnad.answer.Answer;
import org.isnad.answer.Citation;
import org.isnad.archive.Document;
import org.isnad.index.DocInfo;
import org.isnad.index.IndexStats;
import org.isnad.text.Language;

/**
 * A stand-in for the core in tests of the door alone (sending, pacing, retries, restarts): it answers
 * every question with its own text echoed and a quote of a fixed document, so a test can tell which
 * reply belongs to which question. {@code quotes} and {@code quoteLength} make long answers.
 */
class StubCore implements BotCore {

    static final String DOC_ID = "doc-1";
    static final String DOC_TEXT = "First paragraph about <Moscow> & talks.\n"
            + "وجهت روسيا الدعوة لكافة الفصائل الفلسطينية للاجتماع في موسكو.\nLast paragraph.";

    private final int quotes;
    private final int quoteLength;
    final AtomicInteger asked = new AtomicInteger();

    StubCore() {
        this(1, 0);
    }

    StubCore(int quotes, int quoteLength) {
        this.quotes = quotes;
        this.quoteLength = quoteLength;
    }

    @Override
    public Answer ask(String question, Language forced) {
        asked.incrementAndGet();
        List<Citation> citations = new ArrayList<>();
        int start = DOC_TEXT.indexOf("وجهت");
        int end = DOC_TEXT.indexOf('\n', start);
        for (int n = 1; n <= quotes; n++) {
            String quote = quoteLength > 0 ? ("<q" + n + "> & " + "كلمة word ".repeat(quoteLength / 10)).strip() : DOC_TEXT.substring(start, end);
            citations.add(new Citation(n, DOC_ID, "Talks <in> Moscow", "Outlet & Co", "2024-02-20", quote, start, end, n == 1 ? "اشتية" : null));
        }
        return new Answer(question, "en", true, "Echo: " + question + " [1]", citations, List.of(), "extractive", 1, List.of(), List.of());
    }

    @Override
    public IndexStats stats() {
        DocInfo d = new DocInfo(DOC_ID, "Talks <in> Moscow", LocalDate.of(2024, 2, 20), "Outlet & Co", null, Language.EN);
        return new IndexStats(1, 3, Map.of("en", 1), Map.of("Outlet & Co", 1), d.date(), d.date(), List.of(d));
    }

    @Override
    public Optional<Document> document(String id) {
        if (!id.equals(DOC_ID)) {
            return Optional.empty();
        }
        return Optional.of(new Document(DOC_ID, "Talks <in> Moscow", LocalDate.of(2024, 2, 20), "Outlet & Co", null,
                Language.EN, DOC_TEXT, "hash", "test"));
    }
}
