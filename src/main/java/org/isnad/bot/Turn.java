package org.isnad.bot;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import org.isnad.text.Language;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/** One update being handled: who asked, in which language the bot answers them, and how to reply. */
public final class Turn {

    private final Incoming in;
    private final BotContext ctx;
    private final Role role;
    private final Language language;
    private final Delivery delivery;

    Turn(Incoming in, BotContext ctx) {
        this(in, ctx, Delivery.NONE);
    }

    /** {@code delivery} counts every message this turn queues, so the update is forgotten only once they are out. */
    Turn(Incoming in, BotContext ctx, Delivery delivery) {
        this.delivery = delivery;
        this.in = in;
        this.ctx = ctx;
        this.role = ctx.access().role(in.userId());
        this.language = ctx.state().language(in.userId()).orElse(fromLanguageCode(in.languageCode()));
    }

    /** The same turn with the reader's language read again (after /lang changed it). */
    Turn refreshed() {
        return new Turn(in, ctx, delivery);
    }

    /** Arabic when Telegram's interface language is Arabic, English otherwise. */
    static Language fromLanguageCode(String code) {
        return code != null && code.toLowerCase(Locale.ROOT).startsWith("ar") ? Language.AR : Language.EN;
    }

    public Incoming in() {
        return in;
    }

    public BotContext ctx() {
        return ctx;
    }

    public Role role() {
        return role;
    }

    /** The language for texts that do not follow a question: the /lang choice, else Telegram's. */
    public Language language() {
        return language;
    }

    /** The /lang choice, or null for auto. */
    public Language forcedLanguage() {
        return ctx.state().language(in.userId()).orElse(null);
    }

    /** Sends one template. */
    public void say(String key) {
        say(key, Map.of());
    }

    public void say(String key, Map<String, ?> values) {
        send(List.of(ctx.texts().html(language, key, values)), null);
    }

    /** Sends the messages in order; the keyboard goes under the last one. */
    public void send(List<String> messages, InlineKeyboardMarkup keyboard) {
        send(messages, keyboard, null);
    }

    /**
     * Sends the messages in order, the keyboard under the last one; {@code onSent} gets each message's
     * Telegram id once it is accepted (or nothing, when it is given up on).
     */
    public void send(List<String> messages, InlineKeyboardMarkup keyboard, IntConsumer onSent) {
        for (int i = 0; i < messages.size(); i++) {
            SendMessage.SendMessageBuilder<?, ?> m = SendMessage.builder()
                    .chatId(String.valueOf(in.chatId()))
                    .text(messages.get(i))
                    .parseMode("HTML")
                    .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
            if (i == messages.size() - 1 && keyboard != null) {
                m.replyMarkup(keyboard);
            }
            if (i == 0 && !in.privateChat() && in.messageId() != null) {
                m.replyToMessageId(in.messageId());
            }
            ctx.sender().send(in.chatId(), m.build(), onSent == null ? null : result -> {
                if (result instanceof Message sent && sent.getMessageId() != null) {
                    onSent.accept(sent.getMessageId());
                }
            }, delivery);
        }
    }

    /** Answers the callback query (every one must be answered), with an optional short notice. */
    public void answerCallback(String noticeKey) {
        AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> a = AnswerCallbackQuery.builder().callbackQueryId(in.callbackId());
        if (noticeKey != null) {
            a.text(ctx.texts().plain(language, noticeKey, Map.of()));
        }
        ctx.sender().answerCallback(in.chatId(), a.build(), delivery);
    }
}
