package org.isnad.audit;

import java.util.Objects;

/**
 * The door's side of a log entry: who asked, through which door, and what kind of output it was.
 * The {@link org.isnad.answer.Answer} carries the rest. Chat and user ids are raw Telegram ids here;
 * the log pseudonymizes them before they are stored (unless {@code audit.pseudonymize: false}).
 *
 * @param door             where the question came in
 * @param chatId           Telegram chat id, or null outside Telegram
 * @param userId           Telegram user id, or null outside Telegram
 * @param role             the asker's role ({@code subscriber}, {@code staff}, {@code moderator}, {@code cli}), or null
 * @param telegramUpdateId the Telegram update that carried the question, or null
 * @param kind             an answer or a briefing
 */
public record AnswerEvent(Door door, Long chatId, Long userId, String role, Long telegramUpdateId, EntryKind kind,
                          String followUpMessage) {

    public AnswerEvent {
        Objects.requireNonNull(door, "door");
        kind = kind == null ? EntryKind.ANSWER : kind;
    }

    public AnswerEvent(Door door, Long chatId, Long userId, String role, Long telegramUpdateId, EntryKind kind) {
        this(door, chatId, userId, role, telegramUpdateId, kind, null);
    }

    /** The same event for a follow-up: {@code message} is what the reader wrote, read with the previous question. */
    public AnswerEvent asFollowUp(String message) {
        return new AnswerEvent(door, chatId, userId, role, telegramUpdateId, kind, message);
    }

    /** An answer asked on the command line ({@code isnad ask}). */
    public static AnswerEvent cli() {
        return new AnswerEvent(Door.CLI, null, null, "cli", null, EntryKind.ANSWER);
    }

    /** An answer sent by the Telegram bot. */
    public static AnswerEvent telegram(long chatId, long userId, String role, long updateId) {
        return new AnswerEvent(Door.TELEGRAM, chatId, userId, role, updateId, EntryKind.ANSWER);
    }

    /** A briefing; pass the door it was requested through (Telegram ids may be null). */
    public static AnswerEvent briefing(Door door, Long chatId, Long userId, String role, Long updateId) {
        return new AnswerEvent(door, chatId, userId, role, updateId, EntryKind.BRIEFING);
    }
}
