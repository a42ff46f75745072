package org.isnad.bot;

/** /start: the welcome, in the user's language, with example questions that the archive answers. */
final class StartCommand implements Command {

    private final StartExamples examples = new StartExamples();

    @Override
    public String name() {
        return "start";
    }

    @Override
    public void handle(Turn turn) {
        BotContext ctx = turn.ctx();
        var shown = examples.examples(ctx.core(), ctx.texts(), ctx.core().stats(), turn.language());
        turn.send(ctx.renderer().welcome(shown, turn.language()), null);
    }
}
