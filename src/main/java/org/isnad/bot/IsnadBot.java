package org.isnad.bot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.isnad.text.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/**
 * The Telegram door: takes updates from long polling, writes them to the {@link UpdateInbox} and
 * remembers the last one taken on before anything is answered, and routes each to a command, the
 * question handler or the button handler, one at a time per chat. An update leaves the inbox once
 * every reply to it is delivered (or given up on), so a restart answers exactly what was not. No search or answer logic lives here: it calls the core and renders what comes back. A user
 * never sees an exception: a failure is logged (without the message text) and answered with an apology.
 */
public final class IsnadBot implements LongPollingUpdateConsumer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IsnadBot.class);
    /** The commands offered in Telegram's menu, in this order; /review is for moderators and stays out of it. */
    private static final List<String> MENU = List.of("start", "help", "sources", "lang", "brief", "about");

    private final BotContext ctx;
    private final long botId;
    private final ChatQueues chats;
    private final FloodGuard flood;
    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "isnad-bot-typing");
        t.setDaemon(true);
        return t;
    });
    private final QuestionHandler questions;
    private final CallbackHandler callbacks = new CallbackHandler();
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final UpdateInbox inbox;

    public IsnadBot(BotContext ctx, long botId, int workerThreads) {
        this(ctx, botId, workerThreads, null);
    }

    /** {@code inbox} (nullable: kept in memory only) holds what is taken on until it is delivered. */
    public IsnadBot(BotContext ctx, long botId, int workerThreads, UpdateInbox inbox) {
        this.inbox = inbox;
        this.ctx = ctx;
        this.botId = botId;
        this.chats = new ChatQueues(workerThreads);
        int perMinute = ctx.config().telegram().floodPerMinute();
        SharedBotState shared = ctx.state().sharedState();
        this.flood = shared == null ? new FloodGuard(perMinute) : FloodGuard.shared(perMinute, shared, ctx.state()::pseudonymOf);
        this.questions = new QuestionHandler(ticker, shared == null ? new FollowUps() : new FollowUps(shared.conversations(ctx.state()::pseudonymOf)));
        for (Command c : List.of(new StartCommand(), new HelpCommand(), new SourcesCommand(), new LangCommand(),
                new BriefCommand(), new AboutCommand(), new ReviewCommand())) {
            commands.put(c.name(), c);
        }
    }

    public BotContext context() {
        return ctx;
    }

    /** Registers the command menu with setMyCommands: Arabic, English, and English as the default. */
    public void registerCommands() {
        for (Language l : List.of(Language.AR, Language.EN)) {
            List<BotCommand> list = new ArrayList<>();
            for (String name : MENU) {
                list.add(new BotCommand(name, ctx.texts().plain(l, "commands." + name, Map.of())));
            }
            ctx.sender().call(SetMyCommands.builder().commands(list).languageCode(l.code()).build());
            if (l == Language.EN) {
                ctx.sender().call(SetMyCommands.builder().commands(list).build());
            }
        }
    }

    /**
     * Takes a batch from long polling. Updates already taken on (a restart, or a server that ignores
     * {@code offset}) are skipped; the newest id is persisted before any reply is queued.
     */
    @Override
    public void consume(List<Update> updates) {
        long last = ctx.state().lastUpdateId();
        List<Update> fresh = new ArrayList<>();
        List<Update> belowButNewer = new ArrayList<>();
        for (Update u : updates) {
            if (u.getUpdateId() != null && u.getUpdateId() > last) {
                fresh.add(u);
            } else if (u.getUpdateId() != null && ctx.state().newAfterIdReset(u.getUpdateId(), dateOf(u))) {
                belowButNewer.add(u); // an id already passed, on a message newer than any taken on
            } else {
                skipped.incrementAndGet();
            }
        }
        if (!belowButNewer.isEmpty()) {
            // Telegram starts update ids again at a random value after a week without updates: these are new
            long from = belowButNewer.stream().mapToLong(Update::getUpdateId).min().orElseThrow() - 1;
            LOG.warn("update ids restarted below the last one taken on ({} → {}): taking the new ones on", last, from + 1);
            ctx.state().resetTo(from);
            fresh.addAll(belowButNewer);
        }
        if (fresh.isEmpty()) {
            return;
        }
        fresh.sort(Comparator.comparing(Update::getUpdateId));
        if (inbox != null) {
            inbox.take(fresh); // on disk before the offset moves past them: a kill now loses nothing
        }
        try {
            ctx.state().advanceTo(fresh.get(fresh.size() - 1).getUpdateId(), fresh.stream().mapToLong(IsnadBot::dateOf).max().orElse(0));
        } catch (RuntimeException e) {
            // Without the record a restart could answer these twice; answering them once now is better than not at all.
            LOG.error("could not persist the last update id: {}", e.getMessage());
        }
        dispatch(fresh);
    }

    /**
     * Answers what the inbox still holds from before a restart (taken on, not delivered), in order.
     * Call once, before polling starts.
     */
    public void replayPending() {
        if (inbox == null) {
            return;
        }
        List<Update> pending = inbox.pending();
        if (!pending.isEmpty()) {
            LOG.info("answering {} update(s) taken on before the restart but not delivered", pending.size());
            dispatch(pending);
        }
    }

    private void dispatch(List<Update> updates) {
        for (Update u : updates) {
            Incoming in;
            try {
                in = Incoming.of(u, ctx.botUsername(), botId);
            } catch (RuntimeException e) {
                LOG.warn("unreadable update {} skipped: {}", u.getUpdateId(), e.toString());
                forget(u.getUpdateId());
                continue;
            }
            if (in.kind() == Incoming.Kind.IGNORED) {
                skipped.incrementAndGet();
                forget(u.getUpdateId());
                continue;
            }
            LOG.debug("update {} ({}) taken on", in.updateId(), in.kind());
            Runnable forget = () -> forget((int) in.updateId());
            chats.submit(in.chatId(), () -> handle(in, forget, forget));
        }
    }

    /**
     * Answers one update now (the webhook door): the future completes once every reply to it is
     * delivered or given up on, or at once when there is nothing to answer. Updates of one chat are
     * answered in the order given, as from long polling.
     */
    public java.util.concurrent.CompletableFuture<Void> answer(Update u) {
        java.util.concurrent.CompletableFuture<Void> delivered = new java.util.concurrent.CompletableFuture<>();
        Incoming in;
        try {
            in = Incoming.of(u, ctx.botUsername(), botId);
        } catch (RuntimeException e) {
            LOG.warn("unreadable update {} skipped: {}", u.getUpdateId(), e.toString());
            delivered.complete(null);
            return delivered;
        }
        if (in.kind() == Incoming.Kind.IGNORED) {
            skipped.incrementAndGet();
            delivered.complete(null);
            return delivered;
        }
        // a failure before anything could be answered (the database away) fails the future: the webhook
        // answers 500, the update stays taken on, and Telegram's redelivery answers it
        chats.submit(in.chatId(), () -> handle(in, () -> delivered.complete(null),
                () -> delivered.completeExceptionally(new IllegalStateException("update " + in.updateId() + " could not be answered"))));
        return delivered;
    }

    /** The date of an update's message (epoch seconds), 0 when it has none (a button press). */
    static long dateOf(Update u) {
        return u.hasMessage() && u.getMessage().getDate() != null ? u.getMessage().getDate() : 0;
    }

    private void forget(Integer updateId) {
        if (inbox != null && updateId != null) {
            inbox.done(updateId);
        }
    }

    private void handle(Incoming in, Runnable onDelivered, Runnable onUnanswered) {
        Delivery delivery = new Delivery(onDelivered);
        Turn turn;
        try {
            turn = new Turn(in, ctx, delivery);
        } catch (RuntimeException e) {
            LOG.error("update {} failed before it could be answered: {}", in.updateId(), e.toString());
            onUnanswered.run();
            return;
        }
        try {
            route(turn);
        } catch (RuntimeException | Error e) {
            LOG.error("update {} failed: {}", in.updateId(), e.toString(), e);
            try {
                if (in.kind() == Incoming.Kind.CALLBACK) {
                    turn.answerCallback("notice.error");
                } else {
                    turn.say("notice.error");
                }
            } catch (RuntimeException again) {
                LOG.error("could not send the apology for update {}: {}", in.updateId(), again.toString());
            }
        } finally {
            handled.incrementAndGet();
            delivery.handlerDone();
        }
    }

    private void route(Turn turn) {
        Incoming in = turn.in();
        if (!ctx.access().allowed(in.userId())) {
            if (in.kind() == Incoming.Kind.CALLBACK) {
                turn.answerCallback("notice.private");
            } else if (flood.check(in.userId(), System.currentTimeMillis()) == FloodGuard.Verdict.ALLOW) {
                turn.say("notice.private");
            }
            return;
        }
        if (in.kind() == Incoming.Kind.CALLBACK) {
            callbacks.handle(turn);
            return;
        }
        switch (flood.check(in.userId(), System.currentTimeMillis())) {
            case DROP -> {
                return;
            }
            case NOTIFY -> {
                turn.say("notice.flood");
                return;
            }
            case ALLOW -> { }
        }
        switch (in.kind()) {
            case NOT_TEXT -> turn.say("notice.text");
            case COMMAND -> {
                Command c = commands.get(in.command());
                if (c == null) {
                    turn.say("unknown.command");
                } else {
                    c.handle(turn);
                }
            }
            case TEXT -> questions.handle(turn);
            default -> { }
        }
    }

    /** Updates handled (answered or refused politely) and skipped (duplicates, not addressed to the bot). */
    public long handled() {
        return handled.get();
    }

    public long skipped() {
        return skipped.get();
    }

    /** Waits until every update taken on is handled and every reply sent; false on timeout. */
    public boolean awaitIdle(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        return chats.awaitIdle(timeoutMs) && ctx.sender().awaitIdle(Math.max(1, deadline - System.currentTimeMillis()));
    }

    @Override
    public void close() {
        chats.close();
        ticker.shutdownNow();
        ctx.sender().close();
        if (inbox != null) {
            inbox.close(); // what is still pending is answered on the next start
        }
    }

    /** Updates taken on and not yet delivered (the inbox). */
    public int pending() {
        return inbox == null ? 0 : inbox.size();
    }
}
