package org.isnad.bot;

import java.util.Optional;
import org.isnad.answer.Answer;
import org.isnad.archive.Document;
import org.isnad.brief.BriefRequest;
import org.isnad.brief.Briefing;
import org.isnad.index.IndexStats;
import org.isnad.text.Language;

/**
 * The part of the core the bot calls: answers, what the archive holds, and a document's text for the
 * "Source [n]" view. {@link IsnadBotCore} is the real one; the bot's own tests and benchmark can also
 * run it over a stand-in to measure the door alone.
 */
public interface BotCore {

    /** The cited answer; {@code forced} is the /lang choice, null for the question's own language. */
    Answer ask(String question, Language forced);

    IndexStats stats();

    Optional<Document> document(String id);

    /** A briefing (/brief, staff); empty when this core has no briefing engine. */
    default Optional<Briefing> brief(BriefRequest request) {
        return Optional.empty();
    }
}
