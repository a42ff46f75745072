package org.isnad.bot;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.isnad.answer.Answer;
import org.isnad.text.Language;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;

/**
 * A question: typing indicator, the core's answer, recorded in the answer log before the reply is
 * sent, then the reply with its buttons; each sent message is remembered as carrying the answer (for
 * "/brief" in reply to it).
 */
final class QuestionHandler {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(QuestionHandler.class);

    /** Telegram shows "typing…" for 5 s; refreshed a little sooner while the core works. */
    private static final long TYPING_REFRESH_MS = 4_500;

    private final ScheduledExecutorService ticker;
    private final FollowUps followUps;

    QuestionHandler(ScheduledExecutorService ticker, FollowUps followUps) {
        this.ticker = ticker;
        this.followUps = followUps;
    }

    /** "greeting", "thanks" or "bye" when the whole message is small talk, in either language. */
    static String smallTalk(String text) {
        String t = org.isnad.text.CueLexicon.of(org.isnad.text.Language.AR).smallTalk(text);
        return t != null ? t : org.isnad.text.CueLexicon.of(org.isnad.text.Language.EN).smallTalk(text);
    }

    /** The question of the bot's answer this message replies to, if any. */
    private static String repliedQuestion(Turn turn) {
        Integer replyTo = turn.in().replyTo();
        if (replyTo == null) {
            return null;
        }
        BotContext ctx = turn.ctx();
        return ctx.sentAnswers().ref(turn.in().chatId(), replyTo)
                .flatMap(ref -> ctx.refs().get(ref).or(() -> ctx.recorder().recall(ref)))
                .map(Answer::question).orElse(null);
    }

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
        String talk = smallTalk(question);
        if (talk != null) {
            turn.say("chat." + talk); // a greeting gets a greeting and how to ask, not quotes from an archive
            return;
        }
        String original = question;
        question = followUps.expand(turn.in().chatId(), question, turn.in().privateChat(), repliedQuestion(turn),
                System.currentTimeMillis());
        String readAs = question.equals(original) ? null : question;
        Runnable typing = () -> ctx.sender().bestEffort(turn.in().chatId(), SendChatAction.builder()
                .chatId(String.valueOf(turn.in().chatId())).action(ActionType.TYPING.toString()).build());
        typing.run();
        ScheduledFuture<?> refresh = ticker.scheduleAtFixedRate(typing, TYPING_REFRESH_MS, TYPING_REFRESH_MS, TimeUnit.MILLISECONDS);
        Language forced = turn.forcedLanguage();
        Answer answer;
        long t0 = System.nanoTime();
        try {
            answer = ctx.core().ask(question, forced);
        } finally {
            refresh.cancel(false);
        }
        long ref = readAs == null
                ? ctx.recorder().record(answer, turn.in().chatId(), turn.in().userId(), turn.role(), turn.in().updateId())
                : ctx.recorder().recordFollowUp(answer, turn.in().chatId(), turn.in().userId(), turn.role(), turn.in().updateId(), original);
        ctx.refs().put(ref, answer);
        LOG.debug("update {}: answered in {} ms, recorded as {}", turn.in().updateId(), (System.nanoTime() - t0) / 1_000_000, ref);
        Language language = ReplyRenderer.replyLanguage(answer, forced != null ? forced : turn.language());
        List<String> messages = ctx.renderer().answer(answer, language, readAs, addresses(answer, ctx.core()));
        long chatId = turn.in().chatId();
        turn.send(messages, Keyboards.forAnswer(answer, ref, ctx.texts(), language, ctx.signer(), chatId, turn.in().userId()),
                messageId -> ctx.sentAnswers().remember(chatId, messageId, ref));
    }

    /** The web address of each cited article that has one, by document id: its title becomes a link. */
    private static java.util.Map<String, String> addresses(Answer answer, BotCore core) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (var c : answer.citations()) {
            if (!out.containsKey(c.docId())) {
                core.document(c.docId()).map(org.isnad.archive.Document::url).filter(u -> u != null && !u.isBlank())
                        .ifPresent(u -> out.put(c.docId(), u));
            }
        }
        return out;
    }
}
