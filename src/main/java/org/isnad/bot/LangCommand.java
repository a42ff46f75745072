package org.isnad.bot;

import java.util.Locale;
import java.util.Map;
import org.isnad.text.Language;

/** /lang ar|en|auto: the language of the user's replies, remembered across restarts. */
final class LangCommand implements Command {

    @Override
    public String name() {
        return "lang";
    }

    @Override
    public void handle(Turn turn) {
        String arg = turn.in().text() == null ? "" : turn.in().text().strip().toLowerCase(Locale.ROOT);
        BotState state = turn.ctx().state();
        long user = turn.in().userId();
        switch (arg) {
            case "ar", "en" -> {
                Language l = Language.fromCode(arg);
                state.setLanguage(user, l);
                String name = turn.ctx().texts().plain(l, "lang.name." + l.code(), Map.of());
                turn.refreshed().say("lang.set", Map.of("language", name));
            }
            case "auto" -> {
                state.setLanguage(user, null);
                turn.refreshed().say("lang.auto");
            }
            default -> turn.say("lang.usage");
        }
    }
}
