package org.isnad.bot;

import java.util.List;
import java.util.Map;

/** /help: how to ask, the commands, and the extra ones for staff and moderators. */
final class HelpCommand implements Command {

    @Override
    public String name() {
        return "help";
    }

    @Override
    public void handle(Turn turn) {
        BotTexts t = turn.ctx().texts();
        StringBuilder html = new StringBuilder(t.html(turn.language(), "help", Map.of("bot", turn.ctx().botUsername())));
        if (turn.ctx().access().canBrief(turn.in().userId(), turn.ctx().config().brief().openToAll())) {
            html.append('\n').append(t.html(turn.language(), "help.staff"));
        }
        if (turn.role() == Role.MODERATOR) {
            html.append('\n').append(t.html(turn.language(), "help.moderator"));
        }
        turn.send(List.of(html.toString()), null);
    }
}
