package org.isnad.bot;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A per-user limit of N messages a minute (sliding window). Over the limit, the first refused message
 * gets a notice and the rest are dropped quietly until the window frees up, so the notices themselves
 * cannot flood.
 */
public final class FloodGuard {

    public enum Verdict { ALLOW, NOTIFY, DROP }

    static final long WINDOW_MS = 60_000;

    private final int perMinute;
    private final Map<Long, Deque<Long>> recent = new HashMap<>();
    private final Map<Long, Boolean> notified = new HashMap<>();

    /** Several instances: the counts live in the shared database, readers by pseudonym. */
    private final SharedBotState shared;
    private final java.util.function.Function<Long, String> pseudonym;

    public FloodGuard(int perMinute) {
        this(perMinute, null, null);
    }

    private FloodGuard(int perMinute, SharedBotState shared, java.util.function.Function<Long, String> pseudonym) {
        this.perMinute = perMinute;
        this.shared = shared;
        this.pseudonym = pseudonym;
    }

    /** The limit counted across instances (webhook mode), in the shared database. */
    public static FloodGuard shared(int perMinute, SharedBotState shared, java.util.function.Function<Long, String> pseudonym) {
        return new FloodGuard(perMinute, shared, pseudonym);
    }

    public Verdict check(long userId, long nowMs) {
        if (shared != null) {
            return shared.flood(pseudonym.apply(userId), perMinute, nowMs);
        }
        return checkHere(userId, nowMs);
    }

    private synchronized Verdict checkHere(long userId, long nowMs) {
        if (perMinute <= 0) {
            return Verdict.ALLOW;
        }
        Deque<Long> times = recent.computeIfAbsent(userId, k -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peekFirst() <= nowMs - WINDOW_MS) {
            times.pollFirst();
        }
        if (times.size() < perMinute) {
            times.addLast(nowMs);
            notified.remove(userId);
            return Verdict.ALLOW;
        }
        return notified.put(userId, Boolean.TRUE) == null ? Verdict.NOTIFY : Verdict.DROP;
    }

    /** Forgets users with no message in the last minute (called now and then). */
    public synchronized void prune(long nowMs) {
        recent.values().removeIf(d -> d.isEmpty() || d.peekLast() <= nowMs - WINDOW_MS);
        notified.keySet().retainAll(recent.keySet());
    }
}
