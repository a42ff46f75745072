package org.isnad.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.isnad.brief.BriefRenderer;
import org.isnad.brief.BriefRequest;
import org.isnad.brief.Briefing;
import org.isnad.text.Language;

/**
 * /brief TOPIC: a briefing for staff (or everyone when {@code brief.openToAll}), recorded in the answer
 * log as a briefing before it is sent. The briefing's blocks (headline, points, key facts) are packed
 * into messages by the {@link MessageSplitter}, so a point is never cut. A core without briefings
 * answers "not available yet".
 */
final class BriefCommand implements Command {

    private final BriefRenderer renderer = new BriefRenderer();

    @Override
    public String name() {
        return "brief";
    }

    @Override
    public void handle(Turn turn) {
        if (!turn.ctx().access().canBrief(turn.in().userId(), turn.ctx().config().brief().openToAll())) {
            turn.say("brief.staffOnly");
            return;
        }
        String topic = turn.in().text() == null ? "" : turn.in().text();
        Optional<Briefing> found = turn.ctx().core().brief(BriefRequest.topic(topic).inLanguage(turn.forcedLanguage()));
        if (found.isEmpty()) {
            turn.say("brief.unavailable");
            return;
        }
        Briefing briefing = found.get();
        List<String> blocks = renderer.blocks(briefing);
        turn.ctx().recorder().recordBriefing(briefing.asLogEntry(String.join("\n\n", blocks)),
                turn.in().chatId(), turn.in().userId(), turn.role(), turn.in().updateId());
        Language language = Language.fromCode(briefing.language());
        List<MessageSplitter.Block> parts = new ArrayList<>();
        blocks.forEach(b -> parts.add(MessageSplitter.Block.text(b, language)));
        turn.send(new MessageSplitter().split(parts, "\n\n"), null);
    }
}
