package org.isnad.bot;

import java.util.List;
import java.util.Map;
import org.isnad.answer.Answer;
import org.isnad.text.Language;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;

/**
 * A question: typing indicator, the core's answer, recorded in the answer log before the reply is
 * sent, then the reply with its buttons.
 */
final class QuestionHandler {

    void handle(Turn turn) {
        BotContext ctx = turn.ctx();
        String question = turn.in().text();
        if (question == null || question.isBlank()) {
            turn.say("notice.text");
            return;
        }
        int max = ctx.config().telegram().maxQuestionChars();
        if (max > 0 && question.length() > max) {
            turn.say("notice.tooLong", Map.of("max", max));
            return;
        }
        ctx.sender().bestEffort(turn.in().chatId(), SendChatAction.builder()
                .chatId(String.valueOf(turn.in().chatId())).action(ActionType.TYPING.toString()).build());
        Language forced = turn.forcedLanguage();
        Answer answer = ctx.core().ask(question, forced);
        long ref = ctx.recorder().record(answer, turn.in().chatId(), turn.in().userId(), turn.role(), turn.in().updateId());
        ctx.refs().put(ref, answer);
        Language language = ReplyRenderer.replyLanguage(answer, forced != null ? forced : turn.language());
        List<String> messages = ctx.renderer().answer(answer, language);
        turn.send(messages, Keyboards.forAnswer(answer, ref, ctx.texts(), language));
    }
}
