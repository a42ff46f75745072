package org.isnad.bot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.isnad.config.IsnadConfig;

/** The bot token: from {@code TELEGRAM_BOT_TOKEN}, else the file named by {@code telegram.tokenFile}. Never logged. */
public final class BotToken {

    private BotToken() {}

    public static String resolve(Map<String, String> env, IsnadConfig.Telegram telegram) {
        String token = env.get("TELEGRAM_BOT_TOKEN");
        if (token != null && !token.isBlank()) {
            return token.strip();
        }
        String file = telegram.tokenFile();
        if (file != null && !file.isBlank()) {
            try {
                String fromFile = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
                if (!fromFile.isEmpty()) {
                    return fromFile;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the token file named by telegram.tokenFile: " + file, e);
            }
        }
        throw new IllegalStateException("no bot token: set TELEGRAM_BOT_TOKEN, or telegram.tokenFile to a file holding it");
    }

    /** The bot's numeric id (the part before ":"), which is public; "bot" when the token has no such part. */
    public static String botId(String token) {
        int colon = token.indexOf(':');
        String id = colon > 0 ? token.substring(0, colon) : "";
        return id.chars().allMatch(Character::isDigit) && !id.isEmpty() ? id : "bot";
    }

    /** {@code text} with every occurrence of the token replaced by its bot id and asterisks. */
    public static String mask(String text, String token) {
        if (text == null || token == null || token.isEmpty()) {
            return text;
        }
        return text.replace(token, botId(token) + ":***");
    }
}
