package org.isnad.audit;

import java.util.List;
import org.isnad.answer.Answer;
import org.isnad.answer.Candidate;
import org.isnad.answer.Citation;
import org.isnad.answer.Conflict;

/** Answers shaped like the answer service's, for filling real answer logs in tests. */
public final class Answers {

    private Answers() {}

    public static final String DOC_ID = "sample/moscow-talks";
    public static final String DOC_TEXT = "Moscow talks\n\n"
            + "Russia invited the Palestinian factions to Moscow on 29 February, the foreign ministry said.\n\n"
            + "دعت روسيا الفصائل الفلسطينية إلى موسكو في التاسع والعشرين من فبراير، وفق ما قالت الخارجية.\n";

    /** The exact quote at its offsets in {@link #DOC_TEXT}. */
    public static Citation citation(int n, String quote) {
        int start = DOC_TEXT.indexOf(quote);
        if (start < 0) {
            throw new IllegalArgumentException("not in the sample: " + quote);
        }
        return new Citation(n, DOC_ID, "Moscow talks", "Example Wire", "2024-02-20", quote, start, start + quote.length(), null);
    }

    public static Answer english(String question) {
        return new Answer(question, "en", true, "Russia invited the Palestinian factions [1].",
                List.of(citation(1, "Russia invited the Palestinian factions to Moscow on 29 February")),
                List.of(new Conflict("date", List.of(1), "one source only")), "extractive", 12,
                List.of(new Candidate(DOC_ID, 14, 110, 7.5)), List.of("who-question"));
    }

    public static Answer arabic(String question) {
        return new Answer(question, "ar", true, "دعت روسيا الفصائل الفلسطينية [1].",
                List.of(citation(1, "دعت روسيا الفصائل الفلسطينية إلى موسكو")), List.of(), "extractive", 9,
                List.of(), List.of());
    }

    public static Answer unanswered(String question) {
        return new Answer(question, "en", false, "The sources do not say.", List.of(), List.of(), "extractive", 5,
                List.of(), List.of());
    }
}
