package org.isnad.bot;

import java.util.Optional;
import org.isnad.Isnad;
import org.isnad.answer.Answer;
import org.isnad.answer.AskRequest;
import org.isnad.archive.Document;
import org.isnad.brief.BriefRequest;
import org.isnad.brief.Briefing;
import org.isnad.index.IndexStats;
import org.isnad.text.Language;

/** The real core behind the bot: answers from the answer service, statistics and documents from the index. */
public final class IsnadBotCore implements BotCore {

    private final Isnad isnad;

    public IsnadBotCore(Isnad isnad) {
        this.isnad = isnad;
    }

    @Override
    public Answer ask(String question, Language forced) {
        return isnad.answers().ask(new AskRequest(question, forced));
    }

    @Override
    public IndexStats stats() {
        return isnad.index().stats();
    }

    @Override
    public Optional<Document> document(String id) {
        return isnad.index().document(id);
    }

    @Override
    public Optional<Briefing> brief(BriefRequest request) {
        return Optional.of(isnad.briefer().brief(request));
    }
}
