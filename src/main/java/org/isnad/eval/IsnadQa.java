package org.isnad.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.isnad.answer.Answer;
import org.isnad.answer.Candidate;
import org.isnad.answer.Citation;

/**
 * Isnad's real answer path as a {@link QaSystem}. The ranking used for recall is the answer's
 * retrieved candidates (the passages the answerer considered, best first), followed by any cited
 * document not among them.
 */
public final class IsnadQa implements QaSystem {

    private final Function<String, Answer> answers;

    /** @param answers the answer entry point, e.g. {@code q -> isnad.answers().ask(new AskRequest(q, null))} */
    public IsnadQa(Function<String, Answer> answers) {
        this.answers = answers;
    }

    @Override
    public Response ask(String question) {
        long t0 = System.nanoTime();
        Answer a;
        try {
            a = answers.apply(question);
        } catch (RuntimeException e) {
            return new Response(false, List.of(), List.of(), System.nanoTime() - t0);
        }
        long nanos = System.nanoTime() - t0;
        Set<String> ranked = new LinkedHashSet<>();
        for (Candidate c : a.candidates()) {
            ranked.add(c.docId());
        }
        for (Citation c : a.citations()) {
            ranked.add(c.docId());
        }
        // an answer whose line failed scores as a line that states nothing
        var direct = !a.answered() ? null : a.direct() != null ? a.direct()
                : new org.isnad.answer.direct.DirectAnswer("", List.of());
        return new Response(a.answered(), new ArrayList<>(ranked), a.citations(), nanos, direct);
    }
}
