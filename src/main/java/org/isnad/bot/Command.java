package org.isnad.bot;

/** One bot command ("/sources"), handled in its own small class. */
public interface Command {

    /** The command's name without "/". */
    String name();

    void handle(Turn turn);
}
