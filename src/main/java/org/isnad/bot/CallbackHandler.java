package org.isnad.bot;

import java.util.Optional;
import org.isnad.answer.Answer;
import org.isnad.answer.Citation;
import org.isnad.ingest.Document;
import org.isnad.text.Language;

/** A button press: "Source [n]" shows the quote in its paragraph; 👍/👎 is recorded and acknowledged. */
final class CallbackHandler {

    void handle(Turn turn) {
        Optional<CallbackData> data = CallbackData.decode(turn.in().callbackData());
        if (data.isEmpty()) {
            turn.answerCallback(null);
            return;
        }
        CallbackData d = data.get();
        if (!d.pressedWhereSent(turn.ctx().signer(), turn.in().chatId(), turn.in().userId())) {
            // another chat's button, another user's feedback, or data made up: refused, nothing changes
            turn.answerCallback(d.kind() == CallbackData.Kind.FEEDBACK ? "button.notYours.feedback" : "button.notYours");
            return;
        }
        if (d.kind() == CallbackData.Kind.FEEDBACK) {
            boolean known = turn.ctx().recorder().feedback(d.ref(), d.up());
            turn.answerCallback(known ? "feedback.thanks" : "feedback.unknown");
            return;
        }
        Optional<Answer> answer = turn.ctx().refs().get(d.ref()).or(() -> turn.ctx().recorder().recall(d.ref()));
        Optional<Citation> citation = answer.flatMap(a -> a.citations().stream().filter(c -> c.n() == d.n()).findFirst());
        Optional<Document> doc = citation.flatMap(c -> turn.ctx().core().document(c.docId()));
        if (doc.isEmpty()) {
            turn.answerCallback("source.unknown");
            return;
        }
        Language language = ReplyRenderer.replyLanguage(answer.get(), turn.language());
        turn.answerCallback(null);
        turn.send(turn.ctx().renderer().source(citation.get(), doc.get(), language), null);
    }
}
