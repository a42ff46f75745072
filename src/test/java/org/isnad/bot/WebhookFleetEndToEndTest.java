package org.isnad.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isnad.audit.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code isnad serve} processes in webhook mode on 127.0.0.1, sharing one real PostgreSQL, the
 * strict Bot API stand-in behind them and a small load balancer in front (this test): 1,000 updates
 * over 50 chats, each to a random instance, some delivered to both at once, some cut off after the
 * request was sent and before the reply, every failed delivery retried as Telegram does. Midway one
 * instance is killed with SIGKILL while it is answering (it has sent "typing…" and not yet the
 * answer). Then every update is answered exactly once, each chat's replies come in the order of its
 * updates, every answer is in the shared log, and no one-second window carries more messages than
 * the global rate allows.
 */
class WebhookFleetEndToEndTest {

    private static final String SECRET = "fleet-secret";
    private static final int CHATS = Integer.getInteger("fleet.chats", 50);
    private static final int PER_CHAT = Integer.getInteger("fleet.perChat", 20);
    private static final int GLOBAL_PER_SECOND = 60;
    /** Questions the sample answers in one message (a long answer comes in parts, and only the last has buttons). */
    private static final List<String> QUESTIONS = List.of("من دعت روسيا إلى موسكو؟", "Who did Russia invite to Moscow?",
            "متى دعت روسيا الفصائل الفلسطينية؟", "When did Russia invite the Palestinian factions to Moscow?");
    private static final Pattern REF = Pattern.compile("\"fb:([0-9]+):up");

    @TempDir
    Path dir;

    /** What the balancer did with each update (for a failure's message). */
    private final Map<Integer, List<String>> events = new ConcurrentHashMap<>();

    /** The id of an update as the stand-in wrote it (its first field). */
    private static int updateId(String update) {
        return Integer.parseInt(update.replaceAll("^\\{\"update_id\":([0-9]+).*", "$1"));
    }

    private void event(String update, String what) {
        int id = updateId(update);
        events.computeIfAbsent(id, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(what);
    }

    @Test
    void everyUpdateIsAnsweredExactlyOnceInOrderThroughAKill() throws Exception {
        String jdbcUrl = PostgresServer.shared().createDatabase();
        try (FakeBotApi api = new FakeBotApi()) {
            Map<String, String> env = Map.of("ISNAD_TELEGRAM_GLOBAL_PER_SECOND", String.valueOf(GLOBAL_PER_SECOND));
            List<WebhookInstance> fleet = List.of(instance("a", api, jdbcUrl, env), instance("b", api, jdbcUrl, env));
            try {
                for (WebhookInstance i : fleet) {
                    i.awaitReady(Duration.ofMinutes(2));
                }
                Thread.sleep(FleetShare.BEAT.toMillis() + 500); // both have seen each other: each sends its half of the rate
                run(api, fleet, jdbcUrl);
            } finally {
                for (WebhookInstance i : fleet) {
                    i.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    private void run(FakeBotApi api, List<WebhookInstance> fleet, String jdbcUrl) throws Exception {
        WebhookInstance survivor = fleet.get(0);
        WebhookInstance victim = fleet.get(1);
        // the updates, as Telegram would post them: chat c's k-th update asks one of the sample's questions
        List<List<String>> byChat = new ArrayList<>();
        Map<Integer, Long> chatOfUpdate = new ConcurrentHashMap<>();
        for (int c = 0; c < CHATS; c++) {
            byChat.add(new ArrayList<>());
        }
        for (int k = 0; k < PER_CHAT; k++) {
            for (int c = 0; c < CHATS; c++) {
                long chat = 5000 + c;
                JsonNode u = api.webhookUpdate(chat, chat, QUESTIONS.get((c + k) % QUESTIONS.size()), k % 2 == 0 ? "ar" : "en");
                byChat.get(c).add(u.toString());
                chatOfUpdate.put(u.path("update_id").asInt(), chat);
            }
        }
        int total = CHATS * PER_CHAT;

        // the kill: when armed, the balancer lets the victim finish what it has open, then gives it one
        // update alone; the stand-in holds that update's "typing…" and kills the victim meanwhile, so it
        // dies after taking the update on and before answering it
        AtomicBoolean armed = new AtomicBoolean();
        AtomicLong killChat = new AtomicLong(Long.MIN_VALUE);
        AtomicInteger killedUpdate = new AtomicInteger();
        CountDownLatch killed = new CountDownLatch(1);
        api.onChatAction(req -> {
            if (req.path("chat_id").asLong() == killChat.get() && killed.getCount() > 0) {
                victim.process().destroyForcibly();
                try {
                    victim.process().waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                killed.countDown();
            }
        });
        Object victimGate = new Object();
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger cutOffs = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        List<Throwable> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < CHATS; c++) {
            int chatIndex = c;
            workers.add(Thread.ofVirtual().start(() -> {
                Random random = new Random(chatIndex);
                try {
                    for (String update : byChat.get(chatIndex)) {
                        int id = updateId(update);
                        WebhookInstance first;
                        if (armed.get() && killChat.compareAndSet(Long.MIN_VALUE, chatOfUpdate.get(id))) {
                            synchronized (victimGate) {
                                while (victim.inFlight().get() > 0) {
                                    victimGate.wait(5);
                                }
                            }
                            killedUpdate.set(id);
                            first = victim;
                        } else {
                            first = armed.get() || !victim.alive() ? survivor : fleet.get(random.nextInt(2));
                        }
                        double roll = random.nextDouble();
                        if (first != victim || killedUpdate.get() != id) {
                            if (roll < 0.10) {
                                // delivered to both at once (a retry racing the original)
                                duplicates.incrementAndGet();
                                WebhookInstance other = first == survivor ? victim : survivor;
                                if (other.alive() && !armed.get()) {
                                    Thread twin = Thread.ofVirtual().start(() -> deliverOnce(other, update));
                                    deliver(fleet, first, update, random, retries);
                                    twin.join();
                                    delivered.incrementAndGet();
                                    continue;
                                }
                            } else if (roll < 0.15) {
                                // the connection is cut after the request is sent, before the reply: retried
                                cutOffs.incrementAndGet();
                                cutOff(first, update);
                                retries.incrementAndGet();
                            }
                        }
                        deliver(fleet, first, update, random, retries);
                        if (delivered.incrementAndGet() == total / 2) {
                            armed.set(true);
                        }
                    }
                } catch (Throwable t) {
                    problems.add(t);
                }
            }));
        }
        for (Thread w : workers) {
            w.join(Duration.ofMinutes(4));
        }
        assertThat(problems).isEmpty();
        assertThat(workers).noneMatch(Thread::isAlive);
        assertThat(killed.await(1, TimeUnit.SECONDS)).as("the victim was killed mid-answer").isTrue();
        assertThat(victim.alive()).isFalse();

        // every update answered exactly once: each message's 👍 button names its log entry, the entry its update
        Map<Long, Long> updateOfEntry = new HashMap<>();
        Map<Long, Integer> entriesPerUpdate = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, telegram_update_id FROM answers WHERE door = 'telegram'")) {
            while (rs.next()) {
                updateOfEntry.put(rs.getLong(1), rs.getLong(2));
                entriesPerUpdate.merge(rs.getLong(2), 1, Integer::sum);
            }
        }
        List<FakeBotApi.Sent> sent = api.sent();
        Map<Long, Integer> answersPerUpdate = new HashMap<>();
        Map<Long, List<Long>> updatesInChatOrder = new HashMap<>();
        for (FakeBotApi.Sent s : sent) {
            Matcher m = REF.matcher(String.valueOf(s.replyMarkup()));
            assertThat(m.find()).as("a cited answer with its buttons: " + s.text()).isTrue();
            Long update = updateOfEntry.get(Long.parseLong(m.group(1)));
            assertThat(update).as("the answer's log entry").isNotNull();
            answersPerUpdate.merge(update, 1, Integer::sum);
            updatesInChatOrder.computeIfAbsent(s.chatId(), k -> new ArrayList<>()).add(update);
        }
        List<Integer> missing = chatOfUpdate.keySet().stream().filter(u -> !answersPerUpdate.containsKey((long) u)).sorted().toList();
        assertThat(missing).as("updates without an answer (killed " + killedUpdate + "; rejected by the Bot API: " + api.rejections()
                + "; what the balancer did: " + missing.stream().map(u -> u + "=" + events.get(u)).toList() + ")").isEmpty();
        assertThat(answersPerUpdate).hasSize(total);
        assertThat(answersPerUpdate.values()).allMatch(n -> n == 1);
        assertThat(sent).hasSize(total);
        for (Map.Entry<Long, List<Long>> chat : updatesInChatOrder.entrySet()) {
            assertThat(chat.getValue()).as("replies in chat " + chat.getKey()).isSorted().hasSize(PER_CHAT);
        }
        // no log entry lost: every update has its entry; only the killed one may have a second, from the
        // attempt that died before its answer went out
        assertThat(entriesPerUpdate).hasSize(total);
        entriesPerUpdate.forEach((u, n) -> assertThat(n).as("entries for update " + u).isEqualTo(u == killedUpdate.get() ? n : 1));
        assertThat(entriesPerUpdate.get((long) killedUpdate.get())).isBetween(1, 2);
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT state, attempts FROM bot_updates WHERE update_id = " + killedUpdate.get())) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("done");
            assertThat(rs.getInt(2)).as("taken on by the victim, then by the survivor").isGreaterThanOrEqualTo(2);
        }
        // the global rate held across the instances: each sender sends its share (half while both live,
        // all once the victim's heartbeat has run out), spread evenly through the second; what reaches
        // the Bot API may still bunch by a few tens of milliseconds on a loaded machine
        List<Long> times = sent.stream().map(FakeBotApi.Sent::atMs).sorted().toList();
        int busiest = busiest(times, 1000);
        int busiest3 = busiest(times, 3000);
        StringBuilder perSecond = new StringBuilder();
        for (long t = times.get(0); t <= times.get(times.size() - 1); t += 1000) {
            long from = t;
            perSecond.append(times.stream().filter(x -> x >= from && x < from + 1000).count()).append(' ');
        }
        System.out.println("messages per second: " + perSecond + " (first at " + times.get(0) + ")");
        assertThat(busiest).as("messages in the busiest second").isLessThanOrEqualTo(GLOBAL_PER_SECOND * 11 / 10);
        assertThat(busiest3).as("messages in the busiest three seconds").isLessThanOrEqualTo(3 * GLOBAL_PER_SECOND + 3);
        assertThat(duplicates.get()).isGreaterThan(0);
        assertThat(cutOffs.get()).isGreaterThan(0);
        Files.writeString(dir.resolve("figures.txt"), "updates " + total + ", duplicates " + duplicates + ", cut off " + cutOffs
                + ", retries " + retries + ", busiest second " + busiest + ", busiest 3 s " + busiest3 + "\n");
        System.out.println("webhook fleet: updates " + total + ", delivered twice " + duplicates + ", cut off " + cutOffs
                + ", retried " + retries + ", killed on update " + killedUpdate + ", busiest second " + busiest + " messages, busiest 3 s "
                + busiest3 + " (limit " + GLOBAL_PER_SECOND + "/s), first to last answer " + (times.get(times.size() - 1) - times.get(0)) + " ms");
    }

    /** The most messages in any window of {@code ms}. */
    private static int busiest(List<Long> times, long ms) {
        int most = 0;
        for (int i = 0, j = 0; i < times.size(); i++) {
            while (times.get(i) - times.get(j) >= ms) {
                j++;
            }
            most = Math.max(most, i - j + 1);
        }
        return most;
    }

    /** Delivers until an instance answers 200, as Telegram does: a refused or failed request is retried. */
    private void deliver(List<WebhookInstance> fleet, WebhookInstance first, String update, Random random, AtomicInteger retries) throws Exception {
        WebhookInstance to = first;
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            if (to.alive() && deliverOnce(to, update) == 200) {
                return;
            }
            retries.incrementAndGet();
            Thread.sleep(20);
            List<WebhookInstance> alive = fleet.stream().filter(WebhookInstance::alive).toList();
            to = alive.get(random.nextInt(alive.size()));
        }
        throw new AssertionError("update never taken: " + update);
    }

    /** An instance whose output is kept in target/webhook-fleet/ for a failure to be read. */
    private WebhookInstance instance(String name, FakeBotApi api, String jdbcUrl, Map<String, String> env) throws IOException {
        Path logs = Path.of("target", "webhook-fleet");
        Files.createDirectories(logs);
        Map<String, String> settings = new HashMap<>(env);
        settings.put("ISNAD_LOG_LEVEL", "INFO");
        return WebhookInstance.start(name, dir.resolve(name), logs.resolve(name + ".log"), api.url(), BotFixture.TOKEN, jdbcUrl,
                SECRET, settings);
    }

    /** One POST; the status, or -1 when the connection failed. */
    private int deliverOnce(WebhookInstance to, String update) {
        int status = to.post(update);
        event(update, to.name() + ":" + status);
        return status;
    }

    /** Sends the whole request and closes the connection at once, before any reply. */
    private void cutOff(WebhookInstance to, String update) {
        event(update, to.name() + ":cut");
        byte[] body = update.getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket("127.0.0.1", to.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /telegram HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + WebhookServer.SECRET_HEADER + ": " + SECRET + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            s.setSoLinger(true, 0); // a reset, not a polite close
        } catch (ConnectException e) {
            // the instance is gone: the retry goes elsewhere
        } catch (IOException e) {
            // cut either way
        }
    }
}
