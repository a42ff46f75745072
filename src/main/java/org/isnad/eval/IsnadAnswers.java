package org.isnad.eval;

import java.util.function.Function;
import org.isnad.Isnad;
import org.isnad.answer.Answer;
import org.isnad.answer.AskRequest;

/** Isnad's answer entry point as a function, the way eval and bench ask questions. */
public final class IsnadAnswers {

    private IsnadAnswers() {}

    /** Questions go through {@code AnswerService.ask} with the language detected from the question. */
    public static Function<String, Answer> of(Isnad isnad) {
        return question -> isnad.answers().ask(new AskRequest(question, null));
    }
}
