package org.isnad.bot;

import java.util.Optional;
import org.isnad.answer.Answer;
import org.isnad.answer.Citation;
import org.isnad.ingest.Document;
import org.isnad.text.Language;

/** A button press: "Source [n]" shows the quote in its paragraph; 👍/👎 is recorded and acknowledged. */
final class CallbackHandler {

    /**
     * The answer's buttons again, showing the choice (✓) and after a 👎 the reasons to pick from:
     * the message is edited, nothing new is sent. Pressing the other thumb changes the choice.
     */
    private static void showChoice(Turn turn, long ref, boolean up, String reason) {
        Integer messageId = turn.in().messageId();
        Optional<Answer> answer = turn.ctx().refs().get(ref).or(() -> turn.ctx().recorder().recall(ref));
        if (messageId == null || answer.isEmpty()) {
            return;
        }
        Language language = ReplyRenderer.replyLanguage(answer.get(), turn.language());
        var keyboard = Keyboards.forAnswer(answer.get(), ref, turn.ctx().texts(), language, turn.ctx().signer(),
                turn.in().chatId(), turn.in().userId(), up, reason);
        turn.ctx().sender().send(turn.in().chatId(), org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup.builder()
                .chatId(String.valueOf(turn.in().chatId())).messageId(messageId).replyMarkup(keyboard).build());
    }

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
            turn.answerCallback(known ? (d.up() ? "feedback.thanks" : "feedback.why") : "feedback.unknown");
            if (known) {
                showChoice(turn, d.ref(), d.up(), null);
            }
            return;
        }
        if (d.kind() == CallbackData.Kind.REASON) {
            String code = d.reasonCode();
            boolean known = code != null && turn.ctx().recorder().feedbackReason(d.ref(), code);
            turn.answerCallback(known ? "feedback.reasonThanks" : "feedback.unknown");
            if (known) {
                showChoice(turn, d.ref(), false, code);
            }
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
