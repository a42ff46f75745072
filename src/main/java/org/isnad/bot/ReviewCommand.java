package org.isnad.bot;

import java.util.Map;

/** /review: moderators get the link to the review page, when there is one (publicUrl, or served beside the bot). */
final class ReviewCommand implements Command {

    @Override
    public String name() {
        return "review";
    }

    @Override
    public void handle(Turn turn) {
        if (turn.role() != Role.MODERATOR) {
            turn.say("review.moderatorsOnly");
            return;
        }
        var review = turn.ctx().config().review();
        // the page is there when a public URL is set or when serve hosts it (a moderator token is configured)
        String url = review == null || !(review.served() || (review.publicUrl() != null && !review.publicUrl().isBlank()))
                ? null : review.link();
        if (url == null) {
            turn.say("review.unconfigured");
            return;
        }
        String text = turn.ctx().texts().html(turn.language(), "review.link", Map.of("url", url));
        turn.send(java.util.List.of(text), buttonFor(url, turn));
    }

    /**
     * "Open the review page" as a button, where Telegram accepts the address as one: http(s) to a
     * host that is not this machine's loopback (the Bot API refuses those buttons, and the message
     * with them); otherwise the address in the text alone.
     */
    private static org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup buttonFor(String url, Turn turn) {
        if (!ReplyRenderer.isWebAddress(url)) {
            return null;
        }
        String host = java.net.URI.create(url.strip()).getHost();
        if (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1")) {
            return null;
        }
        var button = org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton.builder()
                .text(turn.ctx().texts().plain(turn.language(), "button.review", Map.of())).url(url).build();
        return new org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup(
                java.util.List.of(new org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow(button)));
    }
}
