package org.isnad.bot;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends everything the bot says, paced like Telegram asks: about one message a second per chat and
 * {@code globalPerSecond} messages overall, spread evenly through each second (chat actions and callback
 * answers are not held back).
 * Nothing is dropped for pacing: messages wait in a queue, in order per chat. On 429 the chat waits
 * {@code retry_after} and the message is sent again; on 5xx and network errors a message is retried
 * with back-off growing to {@link #MAX_BACKOFF_MS} for {@code retryFor} (minutes: an outage of the
 * Bot API is ridden out), other calls up to {@link #MAX_ATTEMPTS} times; HTML Telegram cannot parse
 * is sent once more as plain text. A message given up on is logged as an error, counted in
 * {@link #failed()}, and its chat is told once, when Telegram answers again, that an answer could not
 * be delivered ({@code onUndelivered}) — never lost silently.
 *
 * <p>Requests are asynchronous: a stalled request holds no thread, so a stall in one chat never
 * delays another (each chat still has one request in flight at a time, which keeps its order).
 */
public final class Sender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sender.class);

    public static final int MAX_ATTEMPTS = 6;
    /** How long a message is retried through 5xx and network errors unless told otherwise. */
    public static final java.time.Duration DEFAULT_RETRY_FOR = java.time.Duration.ofMinutes(10);
    private static final long FIRST_BACKOFF_MS = 250;
    static final long MAX_BACKOFF_MS = 30_000;
    /**
     * Requests in flight at once. Far more than the chats a stall can hold up (each chat has one at a
     * time), and the most replies a kill can leave undecided: Telegram has no idempotency key, so a
     * reply whose request was in flight when the process died is sent again after the restart.
     */
    public static final int MAX_IN_FLIGHT = 32;
    private static final long GLOBAL_WINDOW_MS = 1_000;

    /** What to send and how: {@code paced} messages keep the per-chat interval; chat actions and callback answers do not. */
    private static final class Outgoing {
        final long seq;
        final Long chatId;
        BotApiMethod<? extends Serializable> method;
        final boolean paced;
        final int maxAttempts;
        final Consumer<Serializable> onSent;
        final Delivery delivery;
        /** For messages: when retrying ends (0: after {@code maxAttempts} instead). */
        final long giveUpAt;
        int attempts;
        long notBefore;
        boolean plainFallbackDone;

        Outgoing(long seq, Long chatId, BotApiMethod<? extends Serializable> method, boolean paced, int maxAttempts,
                Consumer<Serializable> onSent, Delivery delivery, long giveUpAt) {
            this.onSent = onSent;
            this.delivery = delivery == null ? Delivery.NONE : delivery;
            this.giveUpAt = giveUpAt;
            this.seq = seq;
            this.chatId = chatId;
            this.method = method;
            this.paced = paced;
            this.maxAttempts = maxAttempts;
        }
    }

    private final TelegramClient client;
    private final long perChatIntervalMs;
    private int globalPerSecond; // guarded by lock; several instances share the rate (FleetShare)
    private final LongSupplier clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final LinkedList<Outgoing> queue = new LinkedList<>();
    private final Map<Long, Long> chatNextAt = new HashMap<>();
    private final Set<Long> chatBusy = new HashSet<>();
    private final LinkedList<Long> recentSends = new LinkedList<>();
    private final ExecutorService workers;
    private final Thread dispatcher;
    private final AtomicLong seq = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private int inFlight;
    private volatile boolean closing;
    private final long retryForMs;
    private final Consumer<Long> onUndelivered;
    /** Chats owed the notice that an answer could not be delivered, told once Telegram answers again. */
    private final Set<Long> owed = new java.util.LinkedHashSet<>();

    public Sender(TelegramClient client, long perChatIntervalMs, int globalPerSecond, int threads) {
        this(client, perChatIntervalMs, globalPerSecond, threads, DEFAULT_RETRY_FOR, chat -> { });
    }

    /**
     * @param retryFor      how long a message is retried through 5xx and network errors
     * @param onUndelivered called once per chat, when Telegram answers again, for chats with a message given up on
     */
    public Sender(TelegramClient client, long perChatIntervalMs, int globalPerSecond, int threads,
                  java.time.Duration retryFor, Consumer<Long> onUndelivered) {
        this.retryForMs = Math.max(0, retryFor.toMillis());
        this.onUndelivered = onUndelivered;
        this.client = client;
        this.perChatIntervalMs = Math.max(0, perChatIntervalMs);
        this.globalPerSecond = globalPerSecond <= 0 ? Integer.MAX_VALUE : globalPerSecond;
        this.clock = System::currentTimeMillis;
        this.workers = Executors.newFixedThreadPool(Math.max(1, threads), daemon("isnad-bot-send"));
        this.dispatcher = daemon("isnad-bot-dispatch").newThread(this::dispatchLoop);
        this.dispatcher.start();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Changes the messages a second this sender may send (its share when several instances run). */
    void setGlobalPerSecond(int perSecond) {
        lock.lock();
        try {
            globalPerSecond = perSecond <= 0 ? Integer.MAX_VALUE : perSecond;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Queues a message for the chat (paced, retried). */
    public void send(long chatId, BotApiMethod<? extends Serializable> method) {
        send(chatId, method, null, Delivery.NONE);
    }

    /**
     * Queues a message for the chat (paced, retried); {@code onSent} gets what Telegram returned (the
     * sent {@code Message}) once it is accepted, on a sender thread.
     */
    public void send(long chatId, BotApiMethod<? extends Serializable> method, Consumer<Serializable> onSent) {
        send(chatId, method, onSent, Delivery.NONE);
    }

    /** As {@link #send(long, BotApiMethod, Consumer)}, counted in {@code delivery} until sent or given up on. */
    void send(long chatId, BotApiMethod<? extends Serializable> method, Consumer<Serializable> onSent, Delivery delivery) {
        enqueue(new Outgoing(seq.incrementAndGet(), chatId, method, true, MAX_ATTEMPTS, onSent, delivery,
                clock.getAsLong() + retryForMs));
    }

    /** Queues a callback answer (not paced per chat, retried). */
    public void answerCallback(long chatId, BotApiMethod<? extends Serializable> method) {
        answerCallback(chatId, method, Delivery.NONE);
    }

    void answerCallback(long chatId, BotApiMethod<? extends Serializable> method, Delivery delivery) {
        enqueue(new Outgoing(seq.incrementAndGet(), chatId, method, false, MAX_ATTEMPTS, null, delivery, 0));
    }

    /** Queues a best-effort call, such as the typing indicator: not paced, tried once. */
    public void bestEffort(Long chatId, BotApiMethod<? extends Serializable> method) {
        enqueue(new Outgoing(seq.incrementAndGet(), chatId, method, false, 1, null, null, 0));
    }

    /** Queues a call that belongs to no chat (setMyCommands), retried. */
    public void call(BotApiMethod<? extends Serializable> method) {
        enqueue(new Outgoing(seq.incrementAndGet(), null, method, false, MAX_ATTEMPTS, null, null, 0));
    }

    private void enqueue(Outgoing o) {
        o.delivery.expect();
        lock.lock();
        try {
            queue.addLast(o);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void dispatchLoop() {
        while (true) {
            Outgoing next;
            lock.lock();
            try {
                long wait;
                while (true) {
                    if (closing && queue.isEmpty() && inFlight == 0) {
                        return;
                    }
                    long now = clock.getAsLong();
                    wait = Long.MAX_VALUE;
                    next = null;
                    while (!recentSends.isEmpty() && recentSends.peekFirst() <= now - GLOBAL_WINDOW_MS) {
                        recentSends.pollFirst();
                    }
                    boolean globalFull = recentSends.size() >= globalPerSecond;
                    long globalWait = globalFull ? recentSends.peekFirst() + GLOBAL_WINDOW_MS - now : 0;
                    // spread evenly within the window as well: bursts of a whole second's messages reach
                    // Telegram bunched together, and several instances' bursts add up
                    long spacing = globalPerSecond == Integer.MAX_VALUE ? 0 : (GLOBAL_WINDOW_MS + globalPerSecond - 1) / globalPerSecond;
                    long evenAt = recentSends.isEmpty() ? 0 : recentSends.peekLast() + spacing;
                    Set<Long> blocked = new HashSet<>();
                    // a bounded number in flight: many stalled chats cannot queue the rest, and a kill can
                    // leave at most this many replies whose delivery is unknown (sent again on restart)
                    for (Iterator<Outgoing> it = inFlight >= MAX_IN_FLIGHT ? java.util.Collections.emptyIterator() : queue.iterator(); it.hasNext(); ) {
                        Outgoing o = it.next();
                        if (o.chatId != null && (blocked.contains(o.chatId) || chatBusy.contains(o.chatId))) {
                            continue;
                        }
                        long readyAt = o.notBefore;
                        if (o.paced && o.chatId != null) {
                            readyAt = Math.max(readyAt, chatNextAt.getOrDefault(o.chatId, 0L));
                        }
                        if (o.paced && globalFull) {
                            readyAt = Math.max(readyAt, now + globalWait);
                        }
                        if (o.paced) {
                            readyAt = Math.max(readyAt, evenAt);
                        }
                        if (readyAt <= now) {
                            it.remove();
                            next = o;
                            break;
                        }
                        wait = Math.min(wait, readyAt - now);
                        if (o.chatId != null) {
                            blocked.add(o.chatId); // later messages of this chat wait behind this one
                        }
                    }
                    if (next != null) {
                        if (next.chatId != null) {
                            chatBusy.add(next.chatId);
                        }
                        if (next.paced) {
                            recentSends.addLast(now); // the global limit counts messages, not chat actions or callback answers
                        }
                        inFlight++;
                        break;
                    }
                    try {
                        if (wait == Long.MAX_VALUE) {
                            changed.await();
                        } else {
                            changed.await(Math.max(1, wait), TimeUnit.MILLISECONDS);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            } finally {
                lock.unlock();
            }
            Outgoing task = next;
            workers.execute(() -> attempt(task));
        }
    }

    private void attempt(Outgoing o) {
        o.attempts++;
        java.util.concurrent.CompletableFuture<? extends Serializable> call;
        try {
            call = client.executeAsync(o.method);
        } catch (TelegramApiException | RuntimeException e) {
            finish(o, backOff(o, "network error: " + e.getMessage()));
            return;
        }
        call.whenComplete((result, error) -> {
            long retryAt = -1;
            try {
                if (error == null) {
                    delivered(o, result);
                } else {
                    Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    retryAt = cause instanceof TelegramApiRequestException e ? onRequestError(o, e)
                            : backOff(o, "network error: " + cause.getMessage());
                }
            } catch (RuntimeException e) {
                LOG.warn("after {}: {}", o.method.getMethod(), e.toString());
            } finally {
                finish(o, retryAt);
            }
        });
    }

    private void delivered(Outgoing o, Serializable result) {
        sent.incrementAndGet();
        if (o.onSent != null) {
            try {
                o.onSent.accept(result);
            } catch (RuntimeException e) {
                LOG.warn("after sending {}: {}", o.method.getMethod(), e.toString());
            }
        }
        LOG.debug("{} sent", o.method.getMethod());
        if (o.paced) {
            List<Long> tell;
            synchronized (owed) {
                tell = new ArrayList<>(owed);
                owed.clear();
            }
            // Telegram answers again: each chat that lost an answer is told so, once
            for (Long chat : tell) {
                try {
                    onUndelivered.accept(chat);
                } catch (RuntimeException e) {
                    LOG.warn("could not queue the undelivered-answer notice: {}", e.toString());
                }
            }
        }
    }

    /** The time to try again, or -1 when done (sent or given up on). */
    private long onRequestError(Outgoing o, TelegramApiRequestException e) {
        Integer code = e.getErrorCode();
        if (code != null && code == 429) {
            Integer after = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
            long waitMs = (after == null ? 1 : Math.max(1, after)) * 1000L;
            retries.incrementAndGet();
            o.attempts--; // a 429 is Telegram asking us to wait, not a failure of the message
            LOG.info("429 from Telegram for {}: waiting {} ms", o.method.getMethod(), waitMs);
            long at = clock.getAsLong() + waitMs;
            if (o.chatId != null) {
                lock.lock();
                try {
                    chatNextAt.merge(o.chatId, at, Math::max);
                } finally {
                    lock.unlock();
                }
            }
            return at;
        }
        if (code != null && code == 400 && String.valueOf(e.getApiResponse()).contains("can't parse entities")
                && o.method instanceof SendMessage m && !o.plainFallbackDone) {
            LOG.error("Telegram could not parse a reply's HTML ({}); sending it as plain text", e.getApiResponse());
            m.setText(Html.parsedText(m.getText()));
            m.setParseMode(null);
            o.plainFallbackDone = true;
            o.attempts--;
            retries.incrementAndGet();
            return clock.getAsLong();
        }
        if (code != null && code >= 400 && code < 500) {
            failed.incrementAndGet();
            LOG.error("Telegram refused {} for a chat ({} {}); not retried", o.method.getMethod(), code, e.getApiResponse());
            return -1;
        }
        return backOff(o, code == null || e.getApiResponse() == null ? e.toString() : code + " " + e.getApiResponse());
    }

    private long backOff(Outgoing o, String why) {
        long now = clock.getAsLong();
        long delay = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(10, o.attempts - 1));
        boolean out = o.giveUpAt > 0 ? now + delay > o.giveUpAt && o.attempts >= 2 : o.attempts >= o.maxAttempts;
        if (out) {
            failed.incrementAndGet();
            if (o.maxAttempts > 1) {
                LOG.error("gave up on {} after {} attempts: {}", o.method.getMethod(), o.attempts, why);
            }
            if (o.paced && o.chatId != null) {
                synchronized (owed) {
                    owed.add(o.chatId);
                }
            }
            return -1;
        }
        retries.incrementAndGet();
        LOG.warn("{} failed ({}), attempt {}; retrying in {} ms", o.method.getMethod(), why, o.attempts, delay);
        return now + delay;
    }

    private void finish(Outgoing o, long retryAt) {
        if (retryAt < 0) {
            o.delivery.finished(); // sent, or given up on: either way nothing more will happen to it
        }
        lock.lock();
        try {
            inFlight--;
            if (o.chatId != null) {
                chatBusy.remove(o.chatId);
                if (retryAt < 0 && o.paced) {
                    chatNextAt.merge(o.chatId, clock.getAsLong() + perChatIntervalMs, Math::max);
                }
            }
            if (retryAt >= 0) {
                o.notBefore = retryAt;
                // Back in its place: before any later message of the same chat.
                int i = 0;
                for (Outgoing q : queue) {
                    if (q.seq > o.seq) {
                        break;
                    }
                    i++;
                }
                queue.add(i, o);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until everything queued has been sent or given up on; false on timeout. */
    public boolean awaitIdle(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        lock.lock();
        try {
            while (!queue.isEmpty() || inFlight > 0) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                changed.await(Math.min(left, 50), TimeUnit.MILLISECONDS);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    public long sent() {
        return sent.get();
    }

    public long retries() {
        return retries.get();
    }

    public long failed() {
        return failed.get();
    }

    public int queued() {
        lock.lock();
        try {
            return queue.size() + inFlight;
        } finally {
            lock.unlock();
        }
    }

    /** Sends what is queued (up to {@code drainMs}), then stops; what could not be sent is logged. */
    public void close(long drainMs) {
        try {
            awaitIdle(drainMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.lock();
        List<Outgoing> left;
        try {
            closing = true;
            left = new ArrayList<>(queue);
            queue.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (!left.isEmpty()) {
            failed.addAndGet(left.size());
            LOG.error("stopping with {} message(s) unsent", left.size());
        }
        dispatcher.interrupt();
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(10_000);
    }
}
