package org.isnad.bot;

import org.isnad.config.IsnadConfig;

/**
 * What every handler shares: the core, the texts and renderer, the sender, the answer log and the
 * bot's memory. Built once by {@link IsnadBot}.
 *
 * @param botUsername the bot's @username without "@", from getMe
 */
public record BotContext(
        BotCore core,
        BotTexts texts,
        ReplyRenderer renderer,
        Sender sender,
        AnswerRecorder recorder,
        AnswerRefs refs,
        Access access,
        BotState state,
        IsnadConfig config,
        String botUsername) {}
