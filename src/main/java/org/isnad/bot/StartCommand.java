package org.isnad.bot;

/** /start: the welcome, in the user's language, with example questions drawn from the archive. */
final class StartCommand implements Command {

    @Override
    public String name() {
        return "start";
    }

    @Override
    public void handle(Turn turn) {
        turn.send(turn.ctx().renderer().welcome(turn.ctx().core().stats(), turn.language()), null);
    }
}
