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
 * Who may see the review page: holders of a moderator token (one, or several named ones). The JSON API takes the token as a
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

    /** Each moderator's name with their token: who signs in is who holds the token. */
    private final Map<String, byte[]> tokens;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> failures = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    /**
     * @param tokens the moderators' tokens (review.token, ISNAD_REVIEW_TOKEN): one token, or several
     *        named ones, "mona=TOKEN1,sami=TOKEN2"; a moderator's name is the name their token carries
     *        ("moderator" for a lone unnamed token), never something typed in at sign-in
     */
    ModeratorSessions(String tokens, Clock clock) {
        this.tokens = parse(tokens);
        this.clock = clock;
    }

    static Map<String, byte[]> parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalStateException(
                    "the review page needs a moderator token: set review.token or ISNAD_REVIEW_TOKEN");
        }
        String[] items = spec.strip().split("[,\\s]+");
        Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            String name = eq > 0 ? item.substring(0, eq).strip() : "moderator";
            String token = eq > 0 ? item.substring(eq + 1).strip() : item.strip();
            if (token.isEmpty() || (eq <= 0 && items.length > 1) || name.length() > 64 || out.containsKey(name)) {
                throw new IllegalStateException("review.token: one token, or several as name=token separated by commas"
                        + " (each name once, at most 64 characters)");
            }
            out.put(name, token.getBytes(StandardCharsets.UTF_8));
        }
        return Map.copyOf(out);
    }

    /**
     * The name of the moderator whose token {@code candidate} is. Every token is compared, in
     * constant time, so response timing reveals neither a prefix nor which one matched; a miss counts
     * against {@code client}.
     */
    Optional<String> whoseToken(String candidate, String client) {
        String found = null;
        byte[] given = candidate == null ? new byte[0] : candidate.getBytes(StandardCharsets.UTF_8);
        for (var t : tokens.entrySet()) {
            if (MessageDigest.isEqual(t.getValue(), given) && candidate != null) {
                found = t.getKey();
            }
        }
        if (found == null) {
            synchronized (failures) {
                failures.computeIfAbsent(String.valueOf(client), k -> new ArrayDeque<>()).addLast(clock.instant());
            }
        }
        return Optional.ofNullable(found);
    }

    boolean tokenMatches(String candidate, String client) {
        return whoseToken(candidate, client).isPresent();
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

    /** The moderator whose token an {@code Authorization: Bearer …} header carries, if it is right. */
    Optional<String> bearer(String authorization, String client) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? whoseToken(authorization.substring(7).trim(), client) : Optional.empty();
    }

    boolean bearerMatches(String authorization, String client) {
        return bearer(authorization, client).isPresent();
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
