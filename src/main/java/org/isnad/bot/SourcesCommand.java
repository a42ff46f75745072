package org.isnad.bot;

/** /sources: how many documents, from which outlets, which dates, and the latest titles. */
final class SourcesCommand implements Command {

    @Override
    public String name() {
        return "sources";
    }

    @Override
    public void handle(Turn turn) {
        turn.send(turn.ctx().renderer().sources(turn.ctx().core().stats(), turn.language()), null);
    }
}
