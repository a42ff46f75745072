package org.isnad.bot;

/**
 * /brief: briefings for staff. The briefings engine (issue 6) plugs in here: until it does, staff get a
 * clear "not available yet" and everyone else a polite "staff only".
 */
final class BriefCommand implements Command {

    @Override
    public String name() {
        return "brief";
    }

    @Override
    public void handle(Turn turn) {
        if (!turn.ctx().access().canBrief(turn.in().userId(), turn.ctx().config().brief().openToAll())) {
            turn.say("brief.staffOnly");
            return;
        }
        turn.say("brief.unavailable");
    }
}
