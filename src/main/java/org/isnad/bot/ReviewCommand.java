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
        } else {
            turn.say("review.link", Map.of("url", url));
        }
    }
}
