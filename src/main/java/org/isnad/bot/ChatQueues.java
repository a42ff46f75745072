package org.isnad.bot;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs work on a small pool, one task at a time per chat and in arrival order, so a chat's replies
 * keep the order of its questions while different chats are answered in parallel.
 */
public final class ChatQueues implements AutoCloseable {

    private final ExecutorService pool;
    private final Map<Long, Queue<Runnable>> pending = new HashMap<>();

    public ChatQueues(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "isnad-bot-work-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public void submit(long chatId, Runnable task) {
        synchronized (pending) {
            Queue<Runnable> q = pending.get(chatId);
            if (q != null) {
                q.add(task);
                return;
            }
            pending.put(chatId, new ArrayDeque<>());
        }
        pool.execute(() -> runChain(chatId, task));
    }

    private void runChain(long chatId, Runnable first) {
        Runnable task = first;
        while (task != null) {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                org.slf4j.LoggerFactory.getLogger(ChatQueues.class).error("a chat's task failed: {}", e.toString());
            }
            synchronized (pending) {
                Queue<Runnable> q = pending.get(chatId);
                task = q.poll();
                if (task == null) {
                    pending.remove(chatId);
                }
            }
        }
    }

    /** Waits until no chat has work left; false on timeout. */
    public boolean awaitIdle(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (true) {
            synchronized (pending) {
                if (pending.isEmpty()) {
                    return true;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
