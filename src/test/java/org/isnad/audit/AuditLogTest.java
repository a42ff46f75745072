package org.isnad.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.isnad.Isnad;
import org.isnad.Json;
import org.isnad.answer.Answer;
import org.isnad.config.ConfigLoader;
import org.isnad.config.IsnadConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The answer log's behaviour, the same on SQLite (a file) and PostgreSQL (a real server, {@link PostgresServer}). */
@org.junit.jupiter.params.ParameterizedClass(name = "{0}")
@org.junit.jupiter.params.provider.ValueSource(strings = {"sqlite", "postgres"})
class AuditLogTest {

    @org.junit.jupiter.params.Parameter
    String backend;

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    private MutableClock clock;
    private AuditLog log;

    /** The JDBC URL of this test's database (PostgreSQL), or null. */
    private String jdbcUrl;

    @BeforeEach
    void open() throws Exception {
        clock = new MutableClock(T0);
        log = openLog("audit", Pseudonymizer.keyed(dir.resolve("audit.key")));
    }

    /** A log of this backend: a file {@code name}.db, or the test's PostgreSQL database ("audit") or a new one. */
    private AuditLog openLog(String name, Pseudonymizer pseudonymizer) throws Exception {
        if (backend.equals("sqlite")) {
            return AuditLog.open(dir.resolve(name + ".db"), pseudonymizer, clock);
        }
        String url = PostgresServer.shared().createDatabase();
        if (name.equals("audit")) {
            jdbcUrl = url;
        }
        return AuditLog.openPostgres(url, 4, java.util.Map.of(), pseudonymizer, clock);
    }

    /** A connection to the test's database behind the log's back. */
    private Connection direct() throws Exception {
        return DriverManager.getConnection(backend.equals("sqlite") ? "jdbc:sqlite:" + dir.resolve("audit.db") : jdbcUrl);
    }

    @AfterEach
    void close() {
        log.close();
    }

    @Test
    void aRecordedAnswerReadsBackWithEveryField() {
        Answer answer = Answers.english("Who was invited to Moscow?");
        long id = log.record(answer, AnswerEvent.telegram(1001L, 2002L, "subscriber", 777L));

        LogEntry e = log.get(id).orElseThrow();
        assertThat(e.id()).isEqualTo(id);
        assertThat(e.at()).isEqualTo(T0);
        assertThat(e.door()).isEqualTo(Door.TELEGRAM);
        assertThat(e.kind()).isEqualTo(EntryKind.ANSWER);
        assertThat(e.role()).isEqualTo("subscriber");
        assertThat(e.telegramUpdateId()).isEqualTo(777L);
        assertThat(e.question()).isEqualTo(answer.question());
        assertThat(e.language()).isEqualTo("en");
        assertThat(e.answered()).isTrue();
        assertThat(e.answer()).isEqualTo(answer.answer());
        assertThat(e.citations()).isEqualTo(answer.citations());
        assertThat(e.conflicts()).isEqualTo(answer.conflicts());
        assertThat(e.candidates()).isEqualTo(answer.candidates());
        assertThat(e.notes()).containsExactly("who-question");
        assertThat(e.mode()).isEqualTo("extractive");
        assertThat(e.latencyMs()).isEqualTo(12);
        assertThat(e.feedback()).isNull();
        assertThat(e.state()).isEqualTo(ModerationState.UNREVIEWED);
        assertThat(log.get(id + 1)).isEmpty();
    }

    @Test
    void chatAndUserIdsAreStoredAsKeyedPseudonymsAndTheKeyFileIsPrivate() throws Exception {
        long a = log.record(Answers.english("q1"), AnswerEvent.telegram(123456789L, 42L, "subscriber", 1L));
        long b = log.record(Answers.english("q2"), AnswerEvent.telegram(123456789L, 43L, "subscriber", 2L));

        LogEntry first = log.get(a).orElseThrow();
        LogEntry second = log.get(b).orElseThrow();
        assertThat(first.chat()).startsWith("p:").doesNotContain("123456789").isEqualTo(second.chat());
        assertThat(first.user()).startsWith("p:").isNotEqualTo(second.user());
        assertThat(Files.getPosixFilePermissions(dir.resolve("audit.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        // Another key gives other pseudonyms: the hash is keyed, not a plain digest of the id.
        assertThat(Pseudonymizer.keyed(new byte[32]).apply(123456789L)).isNotEqualTo(first.chat());
        // The same key file gives the same pseudonyms after a restart.
        assertThat(Pseudonymizer.keyed(dir.resolve("audit.key")).apply(123456789L)).isEqualTo(first.chat());
    }

    @Test
    void rawIdsAreKeptWhenPseudonymizingIsOff() throws Exception {
        try (AuditLog raw = openLog("raw", Pseudonymizer.raw())) {
            long id = raw.record(Answers.english("q"), AnswerEvent.telegram(-100123L, 42L, "staff", 9L));
            assertThat(raw.get(id).orElseThrow().chat()).isEqualTo("-100123");
            assertThat(raw.get(id).orElseThrow().user()).isEqualTo("42");
        }
    }

    @Test
    void theListIsNewestFirstAndEveryFilterNarrowsIt() {
        long en = log.record(Answers.english("Who was invited to Moscow?"), AnswerEvent.cli());
        clock.advance(Duration.ofHours(1));
        long ar = log.record(Answers.arabic("من دعت روسيا إلى موسكو؟"), AnswerEvent.telegram(1L, 2L, "subscriber", 3L));
        clock.advance(Duration.ofDays(1));
        long un = log.record(Answers.unanswered("What is 100% of 50_000?"), AnswerEvent.cli());
        log.feedback(ar, Feedback.DOWN);
        log.feedback(en, Feedback.UP);
        log.flag(en, ModerationState.OK, "mona", null);

        assertThat(ids(LogFilter.all())).containsExactly(un, ar, en);
        assertThat(ids(LogFilter.all().withLanguage("ar"))).containsExactly(ar);
        assertThat(ids(LogFilter.all().withFeedback(Feedback.DOWN))).containsExactly(ar);
        assertThat(ids(LogFilter.all().withState(ModerationState.UNREVIEWED))).containsExactly(un, ar);
        assertThat(ids(LogFilter.all().withAnswered(false))).containsExactly(un);
        assertThat(ids(LogFilter.all().withText("moscow"))).containsExactly(en);
        assertThat(ids(LogFilter.all().withText("موسكو"))).containsExactly(ar);
        assertThat(ids(LogFilter.all().withText("100%"))).containsExactly(un);
        assertThat(ids(LogFilter.all().withText("0_0"))).containsExactly(un);
        assertThat(ids(LogFilter.all().withText("1%0"))).isEmpty(); // % and _ are literal, not wildcards
        assertThat(ids(LogFilter.all().withText("0%"))).containsExactly(un); // shorter than a trigram: LIKE
        assertThat(ids(LogFilter.all().withText("INVITED TO"))).containsExactly(en);
        assertThat(ids(LogFilter.all().withText("say \"yes"))).isEmpty(); // quotes cannot break the query
        assertThat(ids(LogFilter.all().withSince(T0.plus(Duration.ofMinutes(30))))).containsExactly(un, ar);
        assertThat(ids(LogFilter.all().withUntil(T0.plus(Duration.ofMinutes(30))))).containsExactly(en);
        assertThat(ids(LogFilter.all().withLanguage("en").withAnswered(true))).containsExactly(en);
    }

    @Test
    void pagesSplitTheListAndCountTheWholeMatch() {
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            all.add(log.record(Answers.english("question " + i), AnswerEvent.cli()));
            clock.advance(Duration.ofSeconds(1));
        }
        LogPage first = log.list(LogFilter.all(), 1, 10);
        LogPage last = log.list(LogFilter.all(), 3, 10);
        assertThat(first.total()).isEqualTo(25);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.entries()).extracting(LogSummary::id).containsExactlyElementsOf(all.reversed().subList(0, 10));
        assertThat(last.entries()).extracting(LogSummary::id).containsExactlyElementsOf(all.reversed().subList(20, 25));
        assertThat(first.entries().getFirst().citationCount()).isEqualTo(1);
        assertThatThrownBy(() -> log.list(LogFilter.all(), 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void feedbackAndFlagUpdateTheSameRecord() {
        long id = log.record(Answers.english("q"), AnswerEvent.telegram(1L, 2L, "subscriber", 3L));
        clock.advance(Duration.ofMinutes(5));
        assertThat(log.feedback(id, Feedback.DOWN)).isTrue();
        assertThat(log.flag(id, ModerationState.WRONG_CITATION, "mona", "quote [1] is about another meeting")).isTrue();
        assertThat(log.flag(id, ModerationState.WRONG_CITATION, "ali", null)).isTrue(); // a null note keeps the note

        LogEntry e = log.get(id).orElseThrow();
        assertThat(e.feedback()).isEqualTo(Feedback.DOWN);
        assertThat(e.feedbackAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(e.state()).isEqualTo(ModerationState.WRONG_CITATION);
        assertThat(e.moderator()).isEqualTo("ali");
        assertThat(e.note()).isEqualTo("quote [1] is about another meeting");
        assertThat(e.reviewedAt()).isNotNull();
        assertThat(log.list(LogFilter.all(), 1, 10).total()).isEqualTo(1);
        assertThat(log.feedback(id + 99, Feedback.UP)).isFalse();
        assertThat(log.flag(id + 99, ModerationState.OK, "x", null)).isFalse();
    }

    @Test
    void exportWritesCsvAndJsonLinesThatReadBack() throws Exception {
        long a = log.record(Answers.english("Who said \"yes\", and when?\nSecond line"), AnswerEvent.cli());
        long b = log.record(Answers.arabic("=HYPERLINK(\"x\") من دعت روسيا؟"), AnswerEvent.telegram(5L, 6L, "staff", 7L));
        log.flag(b, ModerationState.HARMFUL, "mona", "note, with comma");

        StringWriter csv = new StringWriter();
        assertThat(log.export(ExportFormat.CSV, LogFilter.all(), csv)).isEqualTo(2);
        List<List<String>> rows = Csv.parse(csv.toString());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsExactlyElementsOf(LogExport.CSV_COLUMNS);
        int q = LogExport.CSV_COLUMNS.indexOf("question");
        int state = LogExport.CSV_COLUMNS.indexOf("state");
        int note = LogExport.CSV_COLUMNS.indexOf("note");
        assertThat(rows.get(1).get(0)).isEqualTo(Long.toString(a));
        assertThat(rows.get(1).get(q)).isEqualTo("Who said \"yes\", and when?\nSecond line");
        assertThat(rows.get(2).get(q)).startsWith("'=HYPERLINK"); // never a live formula in a spreadsheet
        assertThat(rows.get(2).get(state)).isEqualTo("harmful");
        assertThat(rows.get(2).get(note)).isEqualTo("note, with comma");

        StringWriter jsonl = new StringWriter();
        assertThat(log.export(ExportFormat.JSONL, LogFilter.all().withLanguage("ar"), jsonl)).isEqualTo(1);
        String[] lines = jsonl.toString().split("\n");
        assertThat(lines).hasSize(1);
        ObjectMapper json = Json.mapper();
        LogEntry back = json.readValue(lines[0], LogEntry.class);
        assertThat(back).isEqualTo(log.get(b).orElseThrow());
        assertThat(json.readTree(lines[0]).get("state").asText()).isEqualTo("harmful");
        assertThat(json.readTree(lines[0]).get("door").asText()).isEqualTo("telegram");
    }

    @Test
    void purgeDeletesOnlyEntriesOlderThanTheAge() {
        long old = log.record(Answers.english("old"), AnswerEvent.cli());
        clock.advance(Duration.ofDays(100));
        long recent = log.record(Answers.english("recent"), AnswerEvent.cli());

        assertThat(log.purge(Duration.ofDays(90))).isEqualTo(1);
        assertThat(log.get(old)).isEmpty();
        assertThat(log.get(recent)).isPresent();
        assertThat(log.purge(Duration.ofDays(90))).isZero();
        assertThat(ids(LogFilter.all().withText("old"))).isEmpty(); // gone from the text index too
        assertThat(ids(LogFilter.all().withText("recent"))).containsExactly(recent);
    }

    @Test
    void countersShowTodayUnansweredRateDownRateAndUnreviewed() {
        log.record(Answers.english("yesterday"), AnswerEvent.cli());
        clock.advance(Duration.ofDays(1));
        long a = log.record(Answers.english("a"), AnswerEvent.cli());
        long b = log.record(Answers.unanswered("b"), AnswerEvent.cli());
        log.record(Answers.arabic("ج"), AnswerEvent.cli());
        log.feedback(a, Feedback.UP);
        log.feedback(b, Feedback.DOWN);
        log.flag(a, ModerationState.OK, "m", null);

        LogCounters c = log.counters();
        assertThat(c.answersToday()).isEqualTo(3);
        assertThat(c.total()).isEqualTo(4);
        assertThat(c.unanswered()).isEqualTo(1);
        assertThat(c.unansweredRate()).isEqualTo(0.25);
        assertThat(c.down()).isEqualTo(1);
        assertThat(c.downRate()).isEqualTo(0.5);
        assertThat(c.unreviewed()).isEqualTo(3);
    }

    @Test
    void eightThreadsWritingAtOnceLoseNothing() throws Exception {
        int threads = 8;
        int each = 60;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                start.await();
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    long id = log.record(Answers.english("thread " + thread + " question " + i),
                            AnswerEvent.telegram(thread, i, "subscriber", (long) thread * 1000 + i));
                    ids.add(id);
                    if (i % 3 == 0) {
                        log.feedback(id, Feedback.DOWN); // updates interleave with inserts
                    }
                    log.list(LogFilter.all(), 1, 5); // and so do reads
                }
                return ids;
            }));
        }
        start.countDown();
        Set<Long> all = new HashSet<>();
        for (Future<List<Long>> f : results) {
            all.addAll(f.get());
        }
        pool.shutdown();

        assertThat(all).hasSize(threads * each);
        assertThat(log.list(LogFilter.all(), 1, 10).total()).isEqualTo(threads * each);
        assertThat(log.list(LogFilter.all().withFeedback(Feedback.DOWN), 1, 10).total()).isEqualTo(threads * 20);
        for (int t = 0; t < threads; t++) {
            assertThat(log.list(LogFilter.all().withText("thread " + t + " question "), 1, 10).total()).isEqualTo(each);
        }
    }

    @Test
    void aFailingWriteIsLoggedAndDoesNotThrowIntoTheCaller() throws Exception {
        try (Connection vandal = direct(); Statement st = vandal.createStatement()) {
            st.execute("DROP TABLE answers");
        }
        OptionalLong id = log.tryRecord(Answers.english("q"), AnswerEvent.cli());
        assertThat(id).isEmpty();
        assertThat(log.failedWrites()).isEqualTo(1);
        assertThatThrownBy(() -> log.record(Answers.english("q"), AnswerEvent.cli())).isInstanceOf(AuditException.class);

        log.close();
        assertThat(log.tryRecord(Answers.english("after close"), AnswerEvent.cli())).isEmpty();
    }

    @Test
    void aBriefingIsLoggedWithItsKindAndCitations() {
        Answer briefing = new Answer("Moscow talks", "en", true,
                "Moscow talks\n• Russia invited the factions [1]\n• دعت روسيا الفصائل [2]",
                List.of(Answers.citation(1, "Russia invited the Palestinian factions"), Answers.citation(2, "دعت روسيا الفصائل")),
                List.of(), "extractive", 40, List.of(), List.of());
        long id = log.record(briefing, AnswerEvent.briefing(Door.TELEGRAM, 1L, 2L, "staff", 5L));
        LogEntry e = log.get(id).orElseThrow();
        assertThat(e.kind()).isEqualTo(EntryKind.BRIEFING);
        assertThat(e.citations()).hasSize(2);
        assertThat(log.list(LogFilter.all(), 1, 5).entries().getFirst().kind()).isEqualTo(EntryKind.BRIEFING);
    }

    @Test
    void isnadOpensTheLogAsConfigured() throws Exception {
        Path data = dir.resolve("data");
        if (backend.equals("postgres")) {
            // the log in the shared database; the pseudonym key is kept there too, so every instance
            // (each with a data folder of its own) writes the same pseudonym for the same reader
            String url = PostgresServer.shared().createDatabase();
            java.util.Map<String, String> env = java.util.Map.of("ISNAD_AUDIT_BACKEND", "postgres", "ISNAD_AUDIT_JDBC_URL", url);
            String[] chats = new String[2];
            for (int instance = 0; instance < 2; instance++) {
                java.util.Map<String, String> e = new java.util.HashMap<>(env);
                e.put("ISNAD_DATA_DIR", data.resolve("instance-" + instance).toString());
                try (Isnad isnad = Isnad.open(new ConfigLoader(e).load())) {
                    long id = isnad.audit().tryRecord(Answers.english("q" + instance), AnswerEvent.telegram(5L, 6L, "subscriber", 7L + instance)).orElseThrow();
                    chats[instance] = isnad.audit().get(id).orElseThrow().chat();
                    assertThat(isnad.audit().file()).isNull();
                    assertThat(isnad.audit().list(LogFilter.all(), 1, 10).total()).isEqualTo(instance + 1);
                }
                assertThat(data.resolve("instance-" + instance).resolve("audit.db")).doesNotExist();
                assertThat(data.resolve("instance-" + instance).resolve("audit.key")).doesNotExist();
            }
            assertThat(chats[0]).startsWith("p:").isEqualTo(chats[1]);
            return;
        }
        IsnadConfig config = new ConfigLoader(java.util.Map.of("ISNAD_DATA_DIR", data.toString())).load();
        long id;
        try (Isnad isnad = Isnad.open(config)) {
            id = isnad.audit().tryRecord(Answers.english("q"), AnswerEvent.telegram(5L, 6L, "subscriber", 7L)).orElseThrow();
            assertThat(isnad.audit()).isSameAs(isnad.audit());
        }
        assertThat(data.resolve("audit.db")).exists();
        assertThat(data.resolve("audit.key")).exists();
        try (AuditLog again = AuditLog.open(data.resolve("audit.db"), Pseudonymizer.raw(), clock)) {
            assertThat(again.get(id).orElseThrow().chat()).startsWith("p:");
        }

        IsnadConfig rawAndOff = new ConfigLoader(java.util.Map.of("ISNAD_DATA_DIR", data.toString(),
                "ISNAD_AUDIT_PSEUDONYMIZE", "false", "ISNAD_AUDIT_ENABLED", "false")).load();
        try (Isnad isnad = Isnad.open(rawAndOff)) {
            assertThat(isnad.audit().tryRecord(Answers.english("q"), AnswerEvent.cli())).isEmpty();
            assertThat(isnad.audit().list(LogFilter.all(), 1, 10).total()).isEqualTo(1);
        }
        assertThat(new String(Files.readAllBytes(data.resolve("audit.key")), StandardCharsets.ISO_8859_1)).hasSize(32);
    }

    private List<Long> ids(LogFilter filter) {
        return log.list(filter, 1, 100).entries().stream().map(LogSummary::id).toList();
    }
}
