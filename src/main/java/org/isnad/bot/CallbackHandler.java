package org.isnad.bot;

import java.util.List;
import java.util.Optional;
import org.isnad.answer.Answer;
import org.isnad.answer.Citation;
import org.isnad.archive.Document;
import org.isnad.text.Language;

/**
 * A button press: "Source [n]" shows the quote in its paragraph, with Back / Next to the paragraphs
 * around it (the view edited in place); 👍/👎 is recorded and acknowledged.
 */
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
        int shift = d.kind() == CallbackData.Kind.PASSAGE ? d.shift() : 0;
        Optional<ReplyRenderer.SourceView> view = turn.ctx().renderer().sourceView(citation.get(), doc.get(), language, shift);
        if (view.isEmpty()) {
            turn.answerCallback("source.noMore");
            return;
        }
        turn.answerCallback(null);
        var keyboard = Keyboards.forSource(d.ref(), d.n(), shift, view.get().hasBefore(), view.get().hasAfter(),
                turn.ctx().texts(), language, turn.ctx().signer(), turn.in().chatId());
        Integer messageId = turn.in().messageId();
        if (d.kind() == CallbackData.Kind.PASSAGE && messageId != null) {
            // Back / Next edit the view in place: one message per source, however far one reads
            var edit = org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText.builder()
                    .chatId(String.valueOf(turn.in().chatId())).messageId(messageId).text(view.get().text()).parseMode("HTML")
                    .linkPreviewOptions(org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions.builder().isDisabled(true).build());
            if (keyboard != null) {
                edit.replyMarkup(keyboard);
            }
            turn.ctx().sender().send(turn.in().chatId(), edit.build());
            return;
        }
        turn.send(List.of(view.get().text()), keyboard);
    }
}
