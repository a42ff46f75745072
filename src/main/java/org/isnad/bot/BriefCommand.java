package org.isnad.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.isnad.answer.Answer;
import org.isnad.answer.Citation;
import org.isnad.brief.BriefRenderer;
import org.isnad.brief.BriefRequest;
import org.isnad.brief.Briefing;
import org.isnad.text.Language;

/**
 * /brief TOPIC: a briefing for staff (or everyone when {@code brief.openToAll}), recorded in the answer
 * log as a briefing before it is sent. "/brief" with no topic, sent as a reply to one of the bot's
 * answers, briefs on the documents that answer cited (same access rule). The briefing's blocks (headline, points, key facts) are packed
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
        String topic = turn.in().text() == null ? "" : turn.in().text().strip();
        BriefRequest request;
        if (topic.isEmpty() && turn.in().replyTo() == null) {
            turn.say("brief.usage"); // how to ask in Telegram (the briefer's own message is the CLI's)
            return;
        }
        if (topic.isEmpty()) {
            Optional<List<String>> docs = answerDocuments(turn);
            if (docs.isEmpty()) {
                return;
            }
            request = BriefRequest.documents(docs.get());
        } else {
            request = BriefRequest.topic(topic);
        }
        Optional<Briefing> found = turn.ctx().core().brief(request.inLanguage(turn.forcedLanguage()));
        if (found.isEmpty()) {
            turn.say("brief.unavailable");
            return;
        }
        Briefing briefing = found.get();
        List<String> blocks = renderer.blocks(briefing);
        Answer logged = briefing.asLogEntry(String.join("\n\n", blocks));
        long ref = turn.ctx().recorder().recordBriefing(logged, turn.in().chatId(), turn.in().userId(), turn.role(), turn.in().updateId());
        turn.ctx().refs().put(ref, logged);
        Language language = Language.fromCode(briefing.language());
        List<MessageSplitter.Block> parts = new ArrayList<>();
        blocks.forEach(b -> parts.add(MessageSplitter.Block.text(b, language)));
        // the same buttons as an answer's: Source [n] for each cited point, then 👍 / 👎
        long chatId = turn.in().chatId();
        var keyboard = briefing.found() && ref != 0
                ? Keyboards.forAnswer(logged, ref, turn.ctx().texts(), language, turn.ctx().signer(), chatId, turn.in().userId()) : null;
        turn.send(new MessageSplitter().split(parts, "\n\n"), keyboard, messageId -> turn.ctx().sentAnswers().remember(chatId, messageId, ref));
    }

    /**
     * The documents cited by the answer the command replies to, in citation order; empty (after telling
     * the user why) when that message carries no answer the bot still knows, or one without citations.
     */
    private static Optional<List<String>> answerDocuments(Turn turn) {
        BotContext ctx = turn.ctx();
        Optional<Answer> answer = ctx.sentAnswers().ref(turn.in().chatId(), turn.in().replyTo())
                .flatMap(ref -> ctx.refs().get(ref).or(() -> ctx.recorder().recall(ref)));
        if (answer.isEmpty()) {
            turn.say("brief.notAnAnswer");
            return Optional.empty();
        }
        List<String> docIds = answer.get().citations().stream().map(Citation::docId).distinct().toList();
        if (docIds.isEmpty()) {
            turn.say("brief.noSources");
            return Optional.empty();
        }
        return Optional.of(docIds);
    }
}
