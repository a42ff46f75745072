package org.isnad.bot;

import java.util.function.BooleanSupplier;

/**
 * A readiness probe that asks a remote service (the Bot API) at most every {@link #TTL_MS} while it
 * answers and every {@link #FAILED_TTL_MS} while it does not: a load balancer checking every second
 * must not turn into a getMe a second per instance.
 */
final class ReadyCheck implements BooleanSupplier {

    static final long TTL_MS = 10_000;
    static final long FAILED_TTL_MS = 2_000;
    private final BooleanSupplier probe;
    private long checkedAt = Long.MIN_VALUE;
    private boolean last;

    ReadyCheck(BooleanSupplier probe) {
        this.probe = probe;
    }

    @Override
    public synchronized boolean getAsBoolean() {
        long now = System.currentTimeMillis();
        if (checkedAt == Long.MIN_VALUE || now - checkedAt >= (last ? TTL_MS : FAILED_TTL_MS)) {
            last = probe.getAsBoolean();
            checkedAt = now;
        }
        return last;
    }
}
