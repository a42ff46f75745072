package org.isnad.bot;

import java.util.Locale;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * One update reduced to what the bot acts on. {@code text} is the question or the command's
 * arguments, with a leading @mention of the bot removed; {@code addressed} says whether the bot was
 * spoken to (always in private chats; in groups a command, a reply to the bot or a mention).
 *
 * @param kind         what arrived
 * @param command      the command without "/" and "@bot", lower case ({@code null} unless a command)
 * @param languageCode the sender's Telegram interface language ("ar", "en-GB", ...), or null
 * @param callbackId   the callback query id (callbacks only), which must be answered
 * @param callbackData the button's data (callbacks only)
 * @param replyTo      the id of this bot's message that this one replies to, or null
 */
public record Incoming(
        long updateId,
        Kind kind,
        long chatId,
        boolean privateChat,
        long userId,
        String languageCode,
        Integer messageId,
        String text,
        String command,
        boolean addressed,
        String callbackId,
        String callbackData,
        Integer replyTo) {

    public enum Kind { TEXT, COMMAND, CALLBACK, NOT_TEXT, IGNORED }

    /** Reads an update; {@code botUsername}/{@code botId} recognise mentions of and replies to this bot. */
    public static Incoming of(Update u, String botUsername, long botId) {
        long id = u.getUpdateId() == null ? 0 : u.getUpdateId();
        if (u.hasCallbackQuery()) {
            CallbackQuery q = u.getCallbackQuery();
            long chatId = q.getMessage() != null && q.getMessage().getChatId() != null ? q.getMessage().getChatId() : q.getFrom().getId();
            Integer messageId = q.getMessage() == null ? null : q.getMessage().getMessageId();
            boolean privateChat = q.getMessage() == null || q.getMessage().getChat() == null
                    || "private".equals(q.getMessage().getChat().getType());
            return new Incoming(id, Kind.CALLBACK, chatId, privateChat, userId(q.getFrom()), lang(q.getFrom()),
                    messageId, null, null, true, q.getId(), q.getData(), null);
        }
        Message m = u.hasMessage() ? u.getMessage() : null;
        if (m == null || m.getChat() == null) {
            return new Incoming(id, Kind.IGNORED, 0, false, 0, null, null, null, null, false, null, null, null);
        }
        long chatId = m.getChatId();
        boolean privateChat = "private".equals(m.getChat().getType());
        long userId = m.getFrom() == null ? chatId : m.getFrom().getId();
        String languageCode = lang(m.getFrom());
        boolean replyToBot = m.getReplyToMessage() != null && m.getReplyToMessage().getFrom() != null
                && m.getReplyToMessage().getFrom().getId() != null && m.getReplyToMessage().getFrom().getId() == botId;
        Integer replyTo = replyToBot ? m.getReplyToMessage().getMessageId() : null;
        if (!m.hasText()) {
            Kind kind = privateChat || replyToBot ? Kind.NOT_TEXT : Kind.IGNORED;
            return new Incoming(id, kind, chatId, privateChat, userId, languageCode, m.getMessageId(), null, null,
                    kind != Kind.IGNORED, null, null, replyTo);
        }
        String text = m.getText().strip();
        if (text.startsWith("/")) {
            int space = firstSpace(text);
            String head = text.substring(1, space);
            String args = text.substring(space).strip();
            String target = null;
            int at = head.indexOf('@');
            if (at >= 0) {
                target = head.substring(at + 1);
                head = head.substring(0, at);
            }
            // "/help@" names no bot: it is for us, like "/help"
            boolean forUs = target == null || target.isEmpty() || target.equalsIgnoreCase(botUsername);
            if (privateChat) {
                // In a private chat everything is said to us and gets a reply: "/", "/@" and a command
                // for another bot are an unknown command (the empty name), not silence.
                return new Incoming(id, Kind.COMMAND, chatId, true, userId, languageCode, m.getMessageId(), args,
                        forUs ? head.toLowerCase(Locale.ROOT) : "", true, null, null, replyTo);
            }
            if (!forUs || head.isEmpty()) {
                return new Incoming(id, Kind.IGNORED, chatId, privateChat, userId, languageCode, m.getMessageId(), null, null, false, null, null, null);
            }
            return new Incoming(id, Kind.COMMAND, chatId, privateChat, userId, languageCode, m.getMessageId(), args,
                    head.toLowerCase(Locale.ROOT), true, null, null, replyTo);
        }
        String mention = botUsername == null || botUsername.isBlank() ? null : "@" + botUsername;
        boolean mentioned = mention != null && text.toLowerCase(Locale.ROOT).contains(mention.toLowerCase(Locale.ROOT));
        if (mentioned) {
            text = text.replaceAll("(?i)" + java.util.regex.Pattern.quote(mention) + "\\b", " ").replaceAll("\\s+", " ").strip();
        }
        boolean addressed = privateChat || replyToBot || mentioned;
        return new Incoming(id, addressed ? Kind.TEXT : Kind.IGNORED, chatId, privateChat, userId, languageCode,
                m.getMessageId(), text, null, addressed, null, null, replyTo);
    }

    private static int firstSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return s.length();
    }

    private static long userId(User u) {
        return u == null || u.getId() == null ? 0 : u.getId();
    }

    private static String lang(User u) {
        return u == null ? null : u.getLanguageCode();
    }
}
