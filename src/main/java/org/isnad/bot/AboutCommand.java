package org.isnad.bot;

/** /about: what Isnad is. */
final class AboutCommand implements Command {

    @Override
    public String name() {
        return "about";
    }

    @Override
    public void handle(Turn turn) {
        turn.say("about");
    }
}
