package org.isnad.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.isnad.Json;
import org.isnad.answer.Answer;
import org.isnad.audit.AnswerEvent;
import org.isnad.audit.Answers;
import org.isnad.audit.AuditLog;
import org.isnad.audit.Feedback;
import org.isnad.audit.ModerationState;
import org.isnad.audit.Pseudonymizer;
import org.isnad.config.ConfigLoader;
import org.isnad.config.IsnadConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review server over real HTTP on a real answer log. */
class ReviewServerTest {

    private static final String TOKEN = "s3cret-moderator-token";
    private static final String BOT_TOKEN = "another-s3cret-for-a-script";
    /** Two named moderators: who signs in, or calls the API, is whose token it is. */
    private static final String TOKENS = "mona=" + TOKEN + ",bot-review=" + BOT_TOKEN;

    @TempDir
    Path dir;

    private AuditLog log;
    private ReviewServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private long en;
    private long ar;
    private long evil;

    @BeforeEach
    void start() {
        log = AuditLog.open(dir.resolve("audit.db"), Pseudonymizer.raw(), Clock.systemUTC());
        en = log.record(Answers.english("Who was invited to Moscow?"), AnswerEvent.cli());
        ar = log.record(Answers.arabic("من دعت روسيا إلى موسكو؟"), AnswerEvent.telegram(1L, 2L, "subscriber", 3L));
        evil = log.record(new Answer("<script>alert('q')</script>", "en", false, "<b>no</b>", List.of(), List.of(),
                "extractive", 1, null, null), AnswerEvent.cli());
        log.feedback(ar, Feedback.DOWN);
        server = ReviewServer.start(new ReviewServer.Options("127.0.0.1", 0, TOKENS), log,
                id -> Answers.DOC_ID.equals(id) ? Optional.of(Answers.DOC_TEXT) : Optional.empty());
    }

    @AfterEach
    void stop() {
        server.stop();
        log.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    @Test
    void withoutTheTokenEverythingIs401AndNoDataLeaks() throws Exception {
        for (String path : List.of("/review/api/entries", "/review/api/entries/" + ar, "/review/api/counters")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.body()).doesNotContain("Moscow", "موسكو", "script");
            assertThat(get(path, bearer("wrong")).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> page = get("/review");
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("Moderator token").doesNotContain("Moscow", "موسكو");
        assertThat(post("/review/api/entries/" + ar + "/state", "{\"state\":\"ok\"}").statusCode()).isEqualTo(401);
        assertThat(log.get(ar).orElseThrow().state()).isEqualTo(ModerationState.UNREVIEWED);
    }

    @Test
    void theBearerTokenOpensTheListWithFiltersAndCounters() throws Exception {
        HttpResponse<String> r = get("/review/api/entries?feedback=down", bearer(TOKEN));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = Json.mapper().readTree(r.body());
        assertThat(body.get("total").asLong()).isEqualTo(1);
        assertThat(body.get("entries").get(0).get("id").asLong()).isEqualTo(ar);
        assertThat(body.get("counters").get("total").asLong()).isEqualTo(3);
        assertThat(body.get("counters").get("answersToday").asLong()).isEqualTo(3);
        assertThat(body.get("counters").get("unreviewed").asLong()).isEqualTo(3);
        assertThat(body.get("counters").get("downRate").asDouble()).isEqualTo(1.0);

        JsonNode all = Json.mapper().readTree(get("/review/api/entries?size=2&page=2", bearer(TOKEN)).body());
        assertThat(all.get("pages").asInt()).isEqualTo(2);
        assertThat(all.get("entries").get(0).get("id").asLong()).isEqualTo(en);
        JsonNode unanswered = Json.mapper().readTree(get("/review/api/entries?answered=no&lang=en", bearer(TOKEN)).body());
        assertThat(unanswered.get("entries").get(0).get("question").asText()).isEqualTo("<script>alert('q')</script>");
        JsonNode text = Json.mapper().readTree(get("/review/api/entries?text=%D9%85%D9%88%D8%B3%D9%83%D9%88", bearer(TOKEN)).body());
        assertThat(text.get("total").asLong()).isEqualTo(1);

        assertThat(get("/review/api/entries?state=bogus", bearer(TOKEN)).statusCode()).isEqualTo(400);
        assertThat(get("/review/api/entries?page=0", bearer(TOKEN)).statusCode()).isEqualTo(400);
        assertThat(get("/review/api/entries?since=yesterday", bearer(TOKEN)).statusCode()).isEqualTo(400);
    }

    @Test
    void theDetailShowsEachQuoteInsideItsParagraph() throws Exception {
        JsonNode e = Json.mapper().readTree(get("/review/api/entries/" + en, bearer(TOKEN)).body());
        JsonNode c = e.get("citations").get(0);
        JsonNode ctx = c.get("context");
        assertThat(ctx.get("sourceFound").asBoolean()).isTrue();
        assertThat(ctx.get("matches").asBoolean()).isTrue();
        assertThat(ctx.get("before").asText()).isEmpty();
        assertThat(ctx.get("quote").asText()).isEqualTo("Russia invited the Palestinian factions to Moscow on 29 February");
        assertThat(ctx.get("after").asText()).isEqualTo(", the foreign ministry said.");
        assertThat(e.get("question").asText()).isEqualTo("Who was invited to Moscow?");
        assertThat(get("/review/api/entries/424242", bearer(TOKEN)).statusCode()).isEqualTo(404);
        assertThat(get("/review/api/entries/abc", bearer(TOKEN)).statusCode()).isEqualTo(400);
    }

    @Test
    void quoteContextSaysWhenTheSourceIsMissingOrChanged() {
        QuoteInContext missing = QuoteInContext.of(Optional.empty(), "q", 0, 1);
        assertThat(missing.sourceFound()).isFalse();
        QuoteInContext changed = QuoteInContext.of(Optional.of("something else entirely"), "Russia", 0, 6);
        assertThat(changed.sourceFound()).isTrue();
        assertThat(changed.matches()).isFalse();
        QuoteInContext outOfRange = QuoteInContext.of(Optional.of("short"), "short text", 0, 10);
        assertThat(outOfRange.matches()).isFalse();
        String arabicDoc = Answers.DOC_TEXT;
        int s = arabicDoc.indexOf("الفصائل");
        QuoteInContext ar = QuoteInContext.of(Optional.of(arabicDoc), "الفصائل", s, s + "الفصائل".length());
        assertThat(ar.before()).isEqualTo("دعت روسيا ");
        assertThat(ar.after()).startsWith(" الفلسطينية إلى موسكو").endsWith("الخارجية.");
    }

    @Test
    void theLoginFormSetsAnHttpOnlySessionCookieForThePageAndTheApi() throws Exception {
        HttpResponse<String> bad = post("/review/login", "name=mona&token=nope", "Content-Type", "application/x-www-form-urlencoded");
        assertThat(bad.statusCode()).isEqualTo(303);
        assertThat(bad.headers().firstValue("Set-Cookie")).isEmpty();

        // a typed-in name is ignored: the token says who signs in
        HttpResponse<String> ok = post("/review/login", "name=mallory&token=" + TOKEN, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(ok.statusCode()).isEqualTo(303);
        String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "SameSite=Strict", "Path=/review");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> page = get("/review", "Cookie", cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"entries\"").doesNotContain("<script>alert");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
        assertThat(get("/review/api/entries", "Cookie", cookie).statusCode()).isEqualTo(200);

        // A cookie alone cannot change state: a cross-site form could send the cookie but not this header.
        assertThat(post("/review/api/entries/" + ar + "/state", "{\"state\":\"ok\"}", "Cookie", cookie).statusCode()).isEqualTo(403);
        HttpResponse<String> flagged = post("/review/api/entries/" + ar + "/state", "{\"state\":\"wrong-citation\",\"note\":\"n\"}",
                "Cookie", cookie, ReviewServer.CSRF_HEADER, "1");
        assertThat(flagged.statusCode()).isEqualTo(200);
        assertThat(log.get(ar).orElseThrow().state()).isEqualTo(ModerationState.WRONG_CITATION);
        assertThat(log.get(ar).orElseThrow().moderator()).isEqualTo("mona");

        post("/review/logout", "", "Cookie", cookie);
        assertThat(get("/review/api/entries", "Cookie", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void theBearerApiSetsTheStateWithoutACsrfHeader() throws Exception {
        HttpResponse<String> r = post("/review/api/entries/" + evil + "/state",
                "{\"state\":\"harmful\",\"note\":\"<img src=x>\",\"moderator\":\"mallory\"}", bearer(BOT_TOKEN));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(r.body()).get("state").asText()).isEqualTo("harmful");
        assertThat(log.get(evil).orElseThrow().moderator()).isEqualTo("bot-review");
        assertThat(post("/review/api/entries/" + evil + "/state", "{\"state\":\"great\"}", bearer(TOKEN)).statusCode()).isEqualTo(400);
        assertThat(post("/review/api/entries/" + evil + "/state", "not json", bearer(TOKEN)).statusCode()).isEqualTo(400);
    }

    @Test
    void onASharedPostgresLogEachInstancesPageShowsAndSetsWhatTheOtherWrote() throws Exception {
        String url = org.isnad.audit.PostgresServer.shared().createDatabase();
        try (AuditLog onA = AuditLog.openPostgres(url, 2, java.util.Map.of(), Pseudonymizer.raw(), Clock.systemUTC());
             AuditLog onB = AuditLog.openPostgres(url, 2, java.util.Map.of(), Pseudonymizer.raw(), Clock.systemUTC())) {
            ReviewServer pageA = ReviewServer.start(new ReviewServer.Options("127.0.0.1", 0, TOKENS), onA, id -> Optional.empty());
            ReviewServer pageB = ReviewServer.start(new ReviewServer.Options("127.0.0.1", 0, TOKENS), onB, id -> Optional.empty());
            try {
                long id = onA.record(Answers.arabic("من دعت روسيا إلى موسكو؟"), AnswerEvent.telegram(1L, 2L, "subscriber", 3L));
                HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pageB.port()
                        + "/review/api/entries")).headers(bearer(TOKEN)).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(list.statusCode()).isEqualTo(200);
                assertThat(list.body()).contains("من دعت روسيا إلى موسكو؟");
                HttpResponse<String> flag = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pageB.port()
                                + "/review/api/entries/" + id + "/state")).headers(bearer(TOKEN))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"state\":\"ok\",\"note\":\"checked on B\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(flag.statusCode()).isEqualTo(200);
                assertThat(onA.get(id).orElseThrow().state()).isEqualTo(org.isnad.audit.ModerationState.OK);
                assertThat(onA.get(id).orElseThrow().note()).isEqualTo("checked on B");
                HttpResponse<String> counters = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pageA.port()
                        + "/review/api/counters")).headers(bearer(TOKEN)).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(counters.body()).contains("\"unreviewed\":0");
            } finally {
                pageA.stop();
                pageB.stop();
            }
        }
    }

    @Test
    void staticAssetsComeFromTheJarAndNothingElseIsServed() throws Exception {
        HttpResponse<String> js = get("/review/assets/app.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.body()).contains("textContent").doesNotContain("innerHTML =");
        assertThat(get("/review/assets/..%2F..%2Fconfig%2Fisnad.yaml").statusCode()).isEqualTo(404);
        assertThat(get("/review/assets/index.html").statusCode()).isEqualTo(404);
        assertThat(get("/review").body()).doesNotContain("http://", "https://"); // nothing from a CDN
    }

    @Test
    void guessingTheTokenIsThrottledButLiveSessionsGoOn() throws Exception {
        HttpResponse<String> login = post("/review/login", "token=" + TOKEN, "Content-Type", "application/x-www-form-urlencoded");
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        for (int i = 0; i < ModeratorSessions.MAX_FAILURES_PER_MINUTE; i++) {
            assertThat(get("/review/api/entries", bearer("guess-" + i)).statusCode()).isEqualTo(401);
        }
        assertThat(get("/review/api/entries", bearer(TOKEN)).statusCode()).isEqualTo(429);
        assertThat(post("/review/login", "token=" + TOKEN, "Content-Type", "application/x-www-form-urlencoded").statusCode())
                .isEqualTo(429);
        assertThat(get("/review/api/entries", "Cookie", cookie).statusCode()).isEqualTo(200);
    }

    private void restart(String publicUrl, List<String> trustedProxies) {
        server.stop();
        server = ReviewServer.start(new ReviewServer.Options("127.0.0.1", 0, TOKEN, publicUrl, trustedProxies), log,
                id -> Optional.empty());
    }

    @Test
    void oneClientsWrongTokensDoNotLockOtherClientsOut() throws Exception {
        restart(null, List.of("127.0.0.1")); // behind a trusted reverse proxy: clients by X-Forwarded-For
        for (int i = 0; i < ModeratorSessions.MAX_FAILURES_PER_MINUTE + 5; i++) {
            get("/review/api/entries", "Authorization", "Bearer guess-" + i, "X-Forwarded-For", "203.0.113.7");
        }
        assertThat(get("/review/api/entries", "Authorization", "Bearer " + TOKEN, "X-Forwarded-For", "203.0.113.7").statusCode())
                .isEqualTo(429);
        assertThat(get("/review/api/entries", "Authorization", "Bearer " + TOKEN, "X-Forwarded-For", "198.51.100.2").statusCode())
                .isEqualTo(200);
        assertThat(post("/review/login", "token=" + TOKEN, "Content-Type", "application/x-www-form-urlencoded",
                "X-Forwarded-For", "198.51.100.2").statusCode()).isEqualTo(303);
    }

    @Test
    void aForgedForwardedForFromAnUntrustedClientDoesNotEscapeTheThrottle() throws Exception {
        for (int i = 0; i < ModeratorSessions.MAX_FAILURES_PER_MINUTE; i++) {
            get("/review/api/entries", "Authorization", "Bearer guess-" + i, "X-Forwarded-For", "192.0.2." + i);
        }
        assertThat(get("/review/api/entries", "Authorization", "Bearer " + TOKEN, "X-Forwarded-For", "192.0.2.200").statusCode())
                .isEqualTo(429);
    }

    private String loginCookie(String... headers) throws Exception {
        List<String> h = new java.util.ArrayList<>(List.of("Content-Type", "application/x-www-form-urlencoded"));
        h.addAll(List.of(headers));
        return post("/review/login", "token=" + TOKEN, h.toArray(String[]::new)).headers().firstValue("Set-Cookie").orElseThrow();
    }

    @Test
    void theSessionCookieIsSecureBehindHttps() throws Exception {
        assertThat(loginCookie()).doesNotContain("Secure");
        assertThat(loginCookie("X-Forwarded-Proto", "https")).as("an untrusted client's header").doesNotContain("Secure");
        restart("https://review.example.org/review", List.of());
        assertThat(loginCookie()).contains("; Secure");
        restart(null, List.of("127.0.0.1"));
        assertThat(loginCookie("X-Forwarded-Proto", "https")).contains("; Secure");
        assertThat(loginCookie("X-Forwarded-Proto", "http")).doesNotContain("Secure");
    }

    @Test
    void oddRequestsGetAPlain400Or401AndChangeNothing() throws Exception {
        HttpResponse<String> unknownFeedback = get("/review/api/entries?feedback=sideways", bearer(TOKEN));
        assertThat(unknownFeedback.statusCode()).isEqualTo(400);
        assertThat(unknownFeedback.body()).contains("unknown feedback").doesNotContain("org.isnad", "java.");
        assertThat(get("/review/api/entries?text=%00", bearer(TOKEN)).statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(get("/review/api/entries?text=%00mo", bearer(TOKEN)).body()).get("total").asInt())
                .isLessThan(3);
        String path = "/review/api/entries/" + ar + "/state";
        assertThat(post(path, "{\"state\":\"ok\",\"note\":5}", bearer(TOKEN)).statusCode()).isEqualTo(400);
        assertThat(post(path, "{\"state\":\"ok\"} trailing", bearer(TOKEN)).statusCode()).isEqualTo(400);
        assertThat(post(path, "{\"state\":\"ok\"}{\"state\":\"harmful\"}", bearer(TOKEN)).statusCode()).isEqualTo(400);
        assertThat(post(path, "[\"ok\"]", bearer(TOKEN)).statusCode()).isEqualTo(400);
        assertThat(log.get(ar).orElseThrow().state()).isEqualTo(ModerationState.UNREVIEWED);
        for (String api : List.of("/review/api/entries", "/review/api/entries/" + ar, "/review/api/counters")) {
            HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + api))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(head.statusCode()).as(api).isEqualTo(401);
        }
    }

    @Test
    void withoutAConfiguredTokenTheServerRefusesToStart() {
        assertThatThrownBy(() -> ReviewServer.start(new ReviewServer.Options("127.0.0.1", 0, ""), log, id -> Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ISNAD_REVIEW_TOKEN");
    }

    @Test
    void portBindAndTokenComeFromTheEnvironment() {
        IsnadConfig config = new ConfigLoader(Map.of("ISNAD_REVIEW_PORT", "18123", "ISNAD_REVIEW_BIND", "0.0.0.0",
                "ISNAD_REVIEW_TOKEN", "from-env")).load();
        ReviewServer.Options options = ReviewServer.Options.from(config.review());
        assertThat(options).isEqualTo(new ReviewServer.Options("0.0.0.0", 18123, "from-env", "", List.of()));
        ReviewServer.Options defaults = ReviewServer.Options.from(new ConfigLoader(Map.of()).load().review());
        assertThat(defaults.bind()).isEqualTo("127.0.0.1");
        assertThat(defaults.token()).isEmpty();
        assertThat(ReviewServer.pageLink(config.review())).isEqualTo("http://127.0.0.1:18123/review");
        IsnadConfig proxied = new ConfigLoader(Map.of("ISNAD_REVIEW_PUBLIC_URL", "https://news.example/review")).load();
        assertThat(ReviewServer.pageLink(proxied.review())).isEqualTo("https://news.example/review");
    }

    @Test
    void namedTokensAreReadAsNameEqualsTokenAndAMalformedListIsRefused() {
        assertThat(ModeratorSessions.parse("mona=a1, sami=b2").keySet()).containsExactlyInAnyOrder("mona", "sami");
        assertThat(ModeratorSessions.parse("just-one-token").keySet()).containsExactly("moderator");
        assertThatThrownBy(() -> ModeratorSessions.parse("mona=a1,unnamed")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ModeratorSessions.parse("mona=a1,mona=b2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ModeratorSessions.parse("mona=")).isInstanceOf(IllegalStateException.class);
    }
}
