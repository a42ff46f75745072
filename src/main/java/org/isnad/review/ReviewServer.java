package org.isnad.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.isnad.Json;
import org.isnad.answer.Citation;
import org.isnad.audit.AuditLog;
import org.isnad.audit.Feedback;
import org.isnad.audit.LogCounters;
import org.isnad.audit.LogEntry;
import org.isnad.audit.LogFilter;
import org.isnad.audit.LogPage;
import org.isnad.audit.ModerationState;
import org.isnad.audit.TimeArgs;
import org.isnad.config.IsnadConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The moderators' review page and its JSON API over the {@link AuditLog}, served by Javalin (Jetty).
 *
 * <p>Everything but the page's static code needs the moderator token: {@code Authorization: Bearer
 * TOKEN} for the JSON API, or the login form, which sets an HttpOnly session cookie. Without it the
 * API answers 401 and the page shows only the login form. Pages are plain HTML/CSS/JS from the jar;
 * the script builds the page from the JSON with {@code textContent}, so a question or a document
 * holding {@code <script>} shows as text, and a Content-Security-Policy forbids inline scripts anyway.
 *
 * <pre>{@code
 * try (ReviewServer server = ReviewServer.start(ReviewServer.Options.from(config.review()),
 *         isnad.audit(), docId -> isnad.index().document(docId).map(Document::text))) {
 *     System.out.println(server.url());
 *     server.join();
 * }
 * }</pre>
 *
 * <p>API: {@code GET /review/api/entries?since&until&lang&feedback&state&answered&text&page&size},
 * {@code GET /review/api/entries/{id}}, {@code POST /review/api/entries/{id}/state} with
 * {@code {"state": "wrong-citation", "note": "…"}}, {@code GET /review/api/counters}.
 */
public final class ReviewServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewServer.class);
    static final String COOKIE = "isnad_review";
    /** Cookie-authenticated writes must carry this header; a cross-site form cannot set it. */
    static final String CSRF_HEADER = "X-Isnad-Review";
    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final Map<String, String> ASSETS = Map.of(
            "app.js", "text/javascript; charset=utf-8",
            "login.js", "text/javascript; charset=utf-8",
            "review.css", "text/css; charset=utf-8");

    /**
     * Where and how to serve.
     *
     * @param bind  the address to listen on ({@code 127.0.0.1} keeps the page off the network)
     * @param port  the port; 0 picks a free one (tests)
     * @param token the moderator token; must not be blank
     * @param publicUrl where moderators reach the page ({@code review.publicUrl}); https makes the cookie Secure
     * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} and
     *        {@code X-Forwarded-Proto} are believed ({@code review.trustedProxies})
     */
    public record Options(String bind, int port, String token, String publicUrl, List<String> trustedProxies) {
        public Options {
            trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        }

        public Options(String bind, int port, String token) {
            this(bind, port, token, null, List.of());
        }

        /** From {@code review.*} ({@code ISNAD_REVIEW_BIND}, {@code ISNAD_REVIEW_PORT}, {@code ISNAD_REVIEW_TOKEN}). */
        public static Options from(IsnadConfig.Review review) {
            return new Options(review.bind() == null || review.bind().isBlank() ? "127.0.0.1" : review.bind(),
                    review.port(), review.token(), review.publicUrl(), review.trustedProxies());
        }
    }

    /**
     * The link moderators get with {@code /review} in Telegram: {@code review.publicUrl} when set
     * (the page behind a reverse proxy), else {@code http://BIND:PORT/review}.
     */
    public static String pageLink(IsnadConfig.Review review) {
        return review.link();
    }

    private final Javalin app;
    private final AuditLog log;
    private final Function<String, Optional<String>> documentText;
    private final ModeratorSessions sessions;
    private final ObjectMapper json = Json.mapper();
    private final String indexHtml;
    private final String loginHtml;
    private final String bind;
    private final boolean publicHttps;
    private final java.util.Set<String> trustedProxies;

    private ReviewServer(Options options, AuditLog log, Function<String, Optional<String>> documentText) {
        this.log = log;
        this.documentText = documentText;
        this.sessions = new ModeratorSessions(options.token(), Clock.systemUTC());
        this.indexHtml = resource("index.html");
        this.loginHtml = resource("login.html");
        this.bind = options.bind();
        this.publicHttps = options.publicUrl() != null && options.publicUrl().strip().regionMatches(true, 0, "https://", 0, 8);
        this.trustedProxies = java.util.Set.copyOf(options.trustedProxies());
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
        });
        routes();
    }

    /**
     * Starts serving and returns once the port is bound.
     *
     * @param documentText a document's text by id (the review page shows quotes inside their
     *                     paragraphs); empty when the archive no longer has the document
     * @throws IllegalStateException when no token is configured
     */
    public static ReviewServer start(Options options, AuditLog log, Function<String, Optional<String>> documentText) {
        ReviewServer server = new ReviewServer(options, log, documentText);
        server.app.start(options.bind(), options.port());
        LOG.info("review page on {}", server.url());
        return server;
    }

    /** The port actually bound. */
    public int port() {
        return app.port();
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8088/review}. */
    public URI url() {
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        if ("0.0.0.0".equals(bind) || "::".equals(bind)) {
            host = "127.0.0.1";
        }
        return URI.create("http://" + host + ":" + port() + "/review");
    }

    /** Blocks until the server stops (for {@code isnad review}). */
    public void join() throws InterruptedException {
        Thread.currentThread().join(); // until interrupted; the shutdown hook stops the server
    }

    public void stop() {
        app.stop();
    }

    @Override
    public void close() {
        stop();
    }

    // ---------------------------------------------------------------- routes

    private void routes() {
        app.before(ctx -> {
            ctx.header("Content-Security-Policy", CSP);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("Cache-Control", "no-store");
        });
        app.get("/", ctx -> ctx.redirect("/review", HttpStatus.FOUND));
        app.get("/review", this::page);
        app.get("/review/", this::page);
        app.post("/review/login", this::login);
        app.post("/review/logout", this::logout);
        app.get("/review/assets/{file}", this::asset);
        app.get("/review/api/counters", api(ctx -> send(ctx, counters(log.counters()))));
        app.get("/review/api/entries", api(this::list));
        app.get("/review/api/entries/{id}", api(this::detail));
        app.post("/review/api/entries/{id}/state", api(this::setState));
        // HEAD is answered like GET, token first: without one it is 401, never a bare 200
        for (String path : List.of("/review/api/counters", "/review/api/entries", "/review/api/entries/{id}")) {
            app.head(path, api(ctx -> ctx.status(200)));
        }
        app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, plain(e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.warn("review request {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal error");
        });
    }

    private void page(Context ctx) {
        if (moderator(ctx).isPresent()) {
            ctx.html(indexHtml);
        } else {
            ctx.status(401).html(loginHtml);
        }
    }

    private void login(Context ctx) {
        String client = client(ctx);
        if (!sessions.acceptingTokens(client)) {
            ctx.status(429).html(loginHtml);
            return;
        }
        Optional<String> moderator = sessions.whoseToken(ctx.formParam("token"), client);
        if (moderator.isEmpty()) {
            ctx.redirect("/review?failed=1", HttpStatus.SEE_OTHER);
            return;
        }
        String session = sessions.open(moderator.get()); // the name the token carries, never a typed one
        ctx.header("Set-Cookie", COOKIE + "=" + session + "; Path=/review; HttpOnly; SameSite=Strict" + secure(ctx)
                + "; Max-Age=" + ModeratorSessions.LIFETIME.toSeconds());
        ctx.redirect("/review", HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        sessions.close(ctx.cookie(COOKIE));
        ctx.header("Set-Cookie", COOKIE + "=; Path=/review; HttpOnly; SameSite=Strict" + secure(ctx) + "; Max-Age=0");
        ctx.redirect("/review", HttpStatus.SEE_OTHER);
    }

    private void asset(Context ctx) {
        String file = ctx.pathParam("file");
        String type = ASSETS.get(file);
        if (type == null) {
            ctx.status(404).result("not found");
            return;
        }
        ctx.contentType(type).result(resource(file));
    }

    /** The moderator behind a request: a live session cookie, or the name their bearer token carries. */
    private Optional<String> moderator(Context ctx) {
        Optional<String> session = sessions.moderator(ctx.cookie(COOKIE));
        if (session.isPresent()) {
            return session;
        }
        return bearer(ctx);
    }

    /** The moderator whose bearer token the request carries. */
    private Optional<String> bearer(Context ctx) {
        String authorization = ctx.header("Authorization");
        String client = client(ctx);
        return authorization != null && sessions.acceptingTokens(client) ? sessions.bearer(authorization, client) : Optional.empty();
    }

    /**
     * Who is asking, for throttling: the connection's address, or behind a configured trusted proxy
     * the nearest address in {@code X-Forwarded-For} that is not one of the proxies.
     */
    private String client(Context ctx) {
        String remote = ctx.ip();
        if (!trustedProxy(remote)) {
            return remote;
        }
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxy(hop)) {
                return hop;
            }
        }
        return remote;
    }

    private boolean trustedProxy(String address) {
        return trustedProxies.contains(address);
    }

    /**
     * "; Secure" when the page is reached over https: {@code review.publicUrl} is https, the request
     * itself is, or a configured trusted proxy says so with {@code X-Forwarded-Proto: https}.
     */
    private String secure(Context ctx) {
        boolean https = publicHttps || "https".equalsIgnoreCase(ctx.scheme())
                || (trustedProxy(ctx.ip()) && "https".equalsIgnoreCase(String.valueOf(ctx.header("X-Forwarded-Proto")).strip()));
        return https ? "; Secure" : "";
    }

    private Handler api(Handler handler) {
        return ctx -> {
            if (ctx.header("Authorization") != null && !sessions.acceptingTokens(client(ctx))) {
                error(ctx, 429, "too many wrong tokens; try again in a minute");
                return;
            }
            Optional<String> session = sessions.moderator(ctx.cookie(COOKIE));
            Optional<String> byToken = session.isEmpty() ? bearer(ctx) : Optional.empty();
            boolean bearer = byToken.isPresent();
            Optional<String> moderator = session.isPresent() ? session : byToken;
            if (moderator.isEmpty()) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"isnad-review\"");
                error(ctx, 401, "moderator token required");
                return;
            }
            if (!bearer && !"GET".equals(ctx.method().name()) && ctx.header(CSRF_HEADER) == null) {
                error(ctx, 403, "missing " + CSRF_HEADER + " header");
                return;
            }
            ctx.attribute("moderator", moderator.get());
            handler.handle(ctx);
        };
    }

    private void list(Context ctx) throws IOException {
        Clock clock = Clock.systemUTC();
        LogFilter filter = new LogFilter(
                TimeArgs.bound(ctx.queryParam("since"), false, clock),
                TimeArgs.bound(ctx.queryParam("until"), true, clock),
                ctx.queryParam("lang"),
                param(ctx, "feedback").map(Feedback::fromCode).orElse(null),
                param(ctx, "state").map(ModerationState::fromCode).orElse(null),
                param(ctx, "answered").map(ReviewServer::yesNo).orElse(null),
                ctx.queryParam("text"));
        int page = param(ctx, "page").map(ReviewServer::positive).orElse(1);
        int size = param(ctx, "size").map(ReviewServer::positive).map(s -> Math.min(s, 200)).orElse(DEFAULT_PAGE_SIZE);
        LogPage result = log.list(filter, page, size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("page", result.page());
        body.put("pageSize", result.pageSize());
        body.put("pages", result.pages());
        body.put("total", result.total());
        body.put("entries", result.entries());
        if (!"false".equals(ctx.queryParam("counters"))) {
            body.put("counters", counters(log.counters()));
        }
        send(ctx, body);
    }

    private void detail(Context ctx) throws IOException {
        Optional<LogEntry> found = log.get(id(ctx));
        if (found.isEmpty()) {
            error(ctx, 404, "no such entry");
            return;
        }
        LogEntry e = found.get();
        List<Map<String, Object>> citations = new ArrayList<>();
        for (Citation c : e.citations()) {
            Map<String, Object> m = json.convertValue(c, json.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
            m.put("context", QuoteInContext.of(text(c.docId()), c.quote(), c.start(), c.end()));
            citations.add(m);
        }
        Map<String, Object> body = json.convertValue(e, json.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
        body.put("citations", citations);
        body.put("states", List.of(ModerationState.values()));
        send(ctx, body);
    }

    private Optional<String> text(String docId) {
        try {
            return docId == null ? Optional.empty() : documentText.apply(docId);
        } catch (RuntimeException ex) {
            LOG.warn("cannot read document {} for the review page: {}", docId, ex.getMessage());
            return Optional.empty();
        }
    }

    private void setState(Context ctx) throws IOException {
        long id = id(ctx);
        JsonNode body;
        try {
            // one JSON object and nothing after it
            body = json.reader().with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(ctx.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not one JSON object");
        }
        String shape = "body must be {\"state\": \"...\", \"note\": \"...\"} with strings";
        if (body == null || !body.isObject() || !body.path("state").isTextual()) {
            throw new IllegalArgumentException(shape);
        }
        for (String field : new String[] {"note", "moderator"}) {
            if (body.has(field) && !body.get(field).isNull() && !body.get(field).isTextual()) {
                throw new IllegalArgumentException(shape);
            }
        }
        ModerationState state = ModerationState.fromCode(body.get("state").asText());
        String note = body.hasNonNull("note") ? body.get("note").asText() : null;
        if (note != null && note.length() > 4000) {
            throw new IllegalArgumentException("the note is longer than 4000 characters");
        }
        // who flagged it is whose token was used: a "moderator" field in the body names no one
        String moderator = ctx.attribute("moderator");
        if (!log.flag(id, state, moderator, note)) {
            error(ctx, 404, "no such entry");
            return;
        }
        send(ctx, log.get(id).orElseThrow());
    }

    // ---------------------------------------------------------------- helpers

    /** A message for the client: never a Java class or package name (those say how the server is built). */
    static String plain(String message) {
        if (message == null || message.isBlank() || message.matches("(?s).*\\b(?:org|java|javax|com|io)\\.[a-z]+\\..*")) {
            return "bad request";
        }
        return message;
    }

    private static Map<String, Object> counters(LogCounters c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("answersToday", c.answersToday());
        m.put("total", c.total());
        m.put("unanswered", c.unanswered());
        m.put("unansweredRate", c.unansweredRate());
        m.put("down", c.down());
        m.put("withFeedback", c.withFeedback());
        m.put("downRate", c.downRate());
        m.put("unreviewed", c.unreviewed());
        return m;
    }

    private void send(Context ctx, Object body) throws IOException {
        ctx.contentType("application/json; charset=utf-8").result(json.writeValueAsString(body));
    }

    private void error(Context ctx, int status, String message) {
        try {
            ctx.status(status);
            send(ctx, Map.of("error", message == null ? "error" : message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the entry id must be a number");
        }
    }

    private static int positive(String s) {
        try {
            int n = Integer.parseInt(s);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a positive number");
        }
    }

    private static Boolean yesNo(String s) {
        return switch (s) {
            case "yes", "true", "1" -> true;
            case "no", "false", "0" -> false;
            default -> throw new IllegalArgumentException("answered must be yes or no");
        };
    }

    private static String resource(String name) {
        try (InputStream in = ReviewServer.class.getClassLoader().getResourceAsStream("review/" + name)) {
            if (in == null) {
                throw new IllegalStateException("review/" + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
