package org.isnad.eval;

import java.util.function.Function;
import org.isnad.Isnad;
import org.isnad.answer.Answer;

/** Isnad's answer entry point as a function, the way eval and bench ask questions. */
public final class IsnadAnswers {

    private IsnadAnswers() {}

    /** Questions go through {@code AnswerService.ask} with the language detected from the question. */
    public static Function<String, Answer> of(Isnad isnad) {
        throw new UnsupportedOperationException("the answer service (issue 3) is not on main yet: only plain Lucene can be measured");
    }
}
