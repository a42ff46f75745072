package org.isnad.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may see the review page: holders of the moderator token. The JSON API takes the token as a
 * bearer token; the page's login form trades it for a random session id kept in an HttpOnly cookie.
 * Sessions live in memory and end when the server stops or after {@link #LIFETIME}.
 */
final class ModeratorSessions {

    static final Duration LIFETIME = Duration.ofHours(12);
    /**
     * Wrong tokens tolerated per minute from one client (address) before that client's token checks
     * are refused for the rest of the minute. Other clients and live sessions are unaffected, so
     * nobody can lock the moderators out by guessing.
     */
    static final int MAX_FAILURES_PER_MINUTE = 20;
    /** Clients whose failures are remembered at once; the oldest are forgotten first. */
    private static final int MAX_CLIENTS = 10_000;
    private static final int MAX_SESSIONS = 1000;

    private record Session(String moderator, Instant expires) {}

    private final byte[] token;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> failures = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    ModeratorSessions(String token, Clock clock) {
        if (token == null || token.isBlank()) {
            throw new IllegalStateException(
                    "the review page needs a moderator token: set review.token or ISNAD_REVIEW_TOKEN");
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** Compares in constant time so response timing does not reveal a prefix of the token; a miss counts against {@code client}. */
    boolean tokenMatches(String candidate, String client) {
        boolean ok = candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
        if (!ok) {
            synchronized (failures) {
                failures.computeIfAbsent(String.valueOf(client), k -> new ArrayDeque<>()).addLast(clock.instant());
            }
        }
        return ok;
    }

    /**
     * False while {@code client} tried too many wrong tokens in the last minute: guessing the token by
     * brute force is throttled to {@value #MAX_FAILURES_PER_MINUTE} tries a minute per client, and
     * a throttled client's tokens are not even compared. Live sessions are unaffected.
     */
    boolean acceptingTokens(String client) {
        Instant cutoff = clock.instant().minus(Duration.ofMinutes(1));
        synchronized (failures) {
            Deque<Instant> mine = failures.get(String.valueOf(client));
            if (mine == null) {
                return true;
            }
            while (!mine.isEmpty() && mine.peekFirst().isBefore(cutoff)) {
                mine.removeFirst();
            }
            if (mine.isEmpty()) {
                failures.remove(String.valueOf(client));
                return true;
            }
            return mine.size() < MAX_FAILURES_PER_MINUTE;
        }
    }

    /** The token from an {@code Authorization: Bearer …} header, if it is right. */
    boolean bearerMatches(String authorization, String client) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && tokenMatches(authorization.substring(7).trim(), client);
    }

    /** A new session for a moderator who gave the right token; returns its id. */
    String open(String moderator) {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> s.expires().isBefore(now));
        if (sessions.size() >= MAX_SESSIONS) {
            throw new IllegalStateException("too many review sessions");
        }
        byte[] id = new byte[32];
        random.nextBytes(id);
        String sessionId = HexFormat.of().formatHex(id);
        sessions.put(sessionId, new Session(moderator, now.plus(LIFETIME)));
        return sessionId;
    }

    /** The moderator of a live session. */
    Optional<String> moderator(String sessionId) {
        if (sessionId == null) {
            return Optional.empty();
        }
        Session s = sessions.get(sessionId);
        if (s == null || s.expires().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(s.moderator());
    }

    void close(String sessionId) {
        if (sessionId != null) {
            sessions.remove(sessionId);
        }
    }
}
