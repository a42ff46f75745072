package org.isnad.bot;

import org.isnad.config.IsnadConfig;

/**
 * What every handler shares: the core, the texts and renderer, the sender, the answer log and the
 * bot's memory ({@code sentAnswers}: which sent messages carry which answer). Built once by {@link BotServer}.
 *
 * @param botUsername the bot's @username without "@", from getMe
 * @param signer      binds each button to the chat (and user) it was sent to
 */
public record BotContext(
        BotCore core,
        BotTexts texts,
        ReplyRenderer renderer,
        Sender sender,
        AnswerRecorder recorder,
        AnswerRefs refs,
        SentAnswers sentAnswers,
        Access access,
        BotState state,
        IsnadConfig config,
        String botUsername,
        ButtonSigner signer) {}
