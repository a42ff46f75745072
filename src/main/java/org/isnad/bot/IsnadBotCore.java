package org.isnad.bot;

import java.util.Optional;
import java.util.function.BiFunction;
import org.isnad.Isnad;
import org.isnad.answer.Answer;
import org.isnad.index.IndexStats;
import org.isnad.ingest.Document;
import org.isnad.text.Language;

/**
 * The real core behind the bot: answers from the answer service, statistics and documents from the
 * index. {@code answers} is {@code (q, lang) -> isnad.answers().ask(new AskRequest(q, lang))} once the
 * answer service is on main; the door itself never searches or answers.
 */
public final class IsnadBotCore implements BotCore {

    private final Isnad isnad;
    private final BiFunction<String, Language, Answer> answers;

    public IsnadBotCore(Isnad isnad, BiFunction<String, Language, Answer> answers) {
        this.isnad = isnad;
        this.answers = answers;
    }

    @Override
    public Answer ask(String question, Language forced) {
        return answers.apply(question, forced);
    }

    @Override
    public IndexStats stats() {
        return isnad.index().stats();
    }

    @Override
    public Optional<Document> document(String id) {
        return isnad.index().document(id);
    }
}
