package org.isnad.bot;

/**
 * What is left to do for one update: the handler, and each message it queued. When the handler has
 * returned and every message is sent or given up on, the update is delivered and {@code onDelivered}
 * runs once (the inbox forgets it: a restart will not answer it again). Thread-safe.
 */
final class Delivery {

    /** For calls that belong to no update (the command menu, an apology). */
    static final Delivery NONE = new Delivery(() -> { });

    private final Runnable onDelivered;
    private int outstanding;
    private boolean handled;
    private boolean done;

    Delivery(Runnable onDelivered) {
        this.onDelivered = onDelivered;
    }

    /** A message was queued for this update. */
    synchronized void expect() {
        outstanding++;
    }

    /** A queued message was sent, or given up on. */
    void finished() {
        boolean run;
        synchronized (this) {
            outstanding--;
            run = complete();
        }
        if (run) {
            onDelivered.run();
        }
    }

    /** The handler returned: nothing more will be queued. */
    void handlerDone() {
        boolean run;
        synchronized (this) {
            handled = true;
            run = complete();
        }
        if (run) {
            onDelivered.run();
        }
    }

    private boolean complete() {
        if (this == NONE || done || !handled || outstanding > 0) {
            return false;
        }
        done = true;
        return true;
    }
}
