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
 * {@code globalPerSecond} messages overall (chat actions and callback answers are not held back). Nothing is dropped for pacing: messages wait in a queue, in order per
 * chat. On 429 the chat waits {@code retry_after} and the message is sent again; on 5xx and network
 * errors it is retried with growing back-off up to {@link #MAX_ATTEMPTS} times; HTML Telegram cannot
 * parse is sent once more as plain text. A message given up on is logged as an error and counted in
 * {@link #failed()} — never lost silently.
 */
public final class Sender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sender.class);

    public static final int MAX_ATTEMPTS = 6;
    private static final long FIRST_BACKOFF_MS = 250;
    private static final long MAX_BACKOFF_MS = 8_000;
    private static final long GLOBAL_WINDOW_MS = 1_000;

    /** What to send and how: {@code paced} messages keep the per-chat interval; chat actions and callback answers do not. */
    private static final class Outgoing {
        final long seq;
        final Long chatId;
        BotApiMethod<? extends Serializable> method;
        final boolean paced;
        final int maxAttempts;
        final Consumer<Serializable> onSent;
        int attempts;
        long notBefore;
        boolean plainFallbackDone;

        Outgoing(long seq, Long chatId, BotApiMethod<? extends Serializable> method, boolean paced, int maxAttempts) {
            this(seq, chatId, method, paced, maxAttempts, null);
        }

        Outgoing(long seq, Long chatId, BotApiMethod<? extends Serializable> method, boolean paced, int maxAttempts,
                Consumer<Serializable> onSent) {
            this.onSent = onSent;
            this.seq = seq;
            this.chatId = chatId;
            this.method = method;
            this.paced = paced;
            this.maxAttempts = maxAttempts;
        }
    }

    private final TelegramClient client;
    private final long perChatIntervalMs;
    private final int globalPerSecond;
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

    public Sender(TelegramClient client, long perChatIntervalMs, int globalPerSecond, int threads) {
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

    /** Queues a message for the chat (paced, retried). */
    public void send(long chatId, BotApiMethod<? extends Serializable> method) {
        enqueue(new Outgoing(seq.incrementAndGet(), chatId, method, true, MAX_ATTEMPTS));
    }

    /**
     * Queues a message for the chat (paced, retried); {@code onSent} gets what Telegram returned (the
     * sent {@code Message}) once it is accepted, on a sender thread.
     */
    public void send(long chatId, BotApiMethod<? extends Serializable> method, Consumer<Serializable> onSent) {
        enqueue(new Outgoing(seq.incrementAndGet(), chatId, method, true, MAX_ATTEMPTS, onSent));
    }

    /** Queues a callback answer (not paced per chat, retried). */
    public void answerCallback(long chatId, BotApiMethod<? extends Serializable> method) {
        enqueue(new Outgoing(seq.incrementAndGet(), chatId, method, false, MAX_ATTEMPTS));
    }

    /** Queues a best-effort call, such as the typing indicator: not paced, tried once. */
    public void bestEffort(Long chatId, BotApiMethod<? extends Serializable> method) {
        enqueue(new Outgoing(seq.incrementAndGet(), chatId, method, false, 1));
    }

    /** Queues a call that belongs to no chat (setMyCommands), retried. */
    public void call(BotApiMethod<? extends Serializable> method) {
        enqueue(new Outgoing(seq.incrementAndGet(), null, method, false, MAX_ATTEMPTS));
    }

    private void enqueue(Outgoing o) {
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
                    Set<Long> blocked = new HashSet<>();
                    for (Iterator<Outgoing> it = queue.iterator(); it.hasNext(); ) {
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
        long retryAt = -1;
        try {
            o.attempts++;
            Serializable result = client.execute(o.method);
            sent.incrementAndGet();
            if (o.onSent != null) {
                try {
                    o.onSent.accept(result);
                } catch (RuntimeException e) {
                    LOG.warn("after sending {}: {}", o.method.getMethod(), e.toString());
                }
            }
            LOG.debug("{} sent", o.method.getMethod());
        } catch (TelegramApiRequestException e) {
            retryAt = onRequestError(o, e);
        } catch (TelegramApiException | RuntimeException e) {
            retryAt = backOff(o, "network error: " + e.getMessage());
        } finally {
            finish(o, retryAt);
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
        if (o.attempts >= o.maxAttempts) {
            failed.incrementAndGet();
            if (o.maxAttempts > 1) {
                LOG.error("gave up on {} after {} attempts: {}", o.method.getMethod(), o.attempts, why);
            }
            return -1;
        }
        retries.incrementAndGet();
        long delay = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(10, o.attempts - 1));
        LOG.warn("{} failed ({}), attempt {} of {}; retrying in {} ms", o.method.getMethod(), why, o.attempts, o.maxAttempts, delay);
        return clock.getAsLong() + delay;
    }

    private void finish(Outgoing o, long retryAt) {
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
