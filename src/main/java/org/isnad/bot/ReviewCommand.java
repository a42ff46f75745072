package org.isnad.bot;

import java.util.Map;

/** /review: moderators get the link to the review page, when one is configured. */
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
        String url = turn.ctx().config().review() == null ? null : turn.ctx().config().review().publicUrl();
        if (url == null || url.isBlank()) {
            turn.say("review.unconfigured");
        } else {
            turn.say("review.link", Map.of("url", url));
        }
    }
}
