package org.isnad.bot;

import java.util.function.BooleanSupplier;

/**
 * A readiness probe that asks a remote service (the Bot API) at most every {@link #TTL_MS}: a load
 * balancer checking every second must not turn into a getMe a second per instance.
 */
final class ReadyCheck implements BooleanSupplier {

    static final long TTL_MS = 10_000;
    private final BooleanSupplier probe;
    private long checkedAt = Long.MIN_VALUE;
    private boolean last;

    ReadyCheck(BooleanSupplier probe) {
        this.probe = probe;
    }

    @Override
    public synchronized boolean getAsBoolean() {
        long now = System.currentTimeMillis();
        if (checkedAt == Long.MIN_VALUE || now - checkedAt >= TTL_MS || !last) {
            last = probe.getAsBoolean();
            checkedAt = now;
        }
        return last;
    }
}
