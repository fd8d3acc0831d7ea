package org.vigil.server.feed;

import java.util.concurrent.TimeUnit;

/**
 * A feed reader running on its own daemon thread. Lifecycle: {@link #start()} once,
 * {@link #stop()} any number of times (idempotent, waits a bounded time for the thread).
 * Subclasses implement {@link #runFeed()} (loop until {@link #running()} is false) and
 * {@link #wakeUp()} (close whatever blocking I/O the thread may sit in).
 */
public abstract class FeedSource implements AutoCloseable {
    private static final long JOIN_MILLIS = 5_000;

    protected final Feed feed;
    protected final FeedDelivery delivery;
    private volatile boolean running;
    private Thread thread;

    protected FeedSource(Feed feed, FeedDelivery delivery) {
        this.feed = feed;
        this.delivery = delivery;
    }

    public final Feed feed() {
        return feed;
    }

    /** Snapshot for the status API. */
    public FeedStatus status() {
        return feed.status();
    }

    public final synchronized void start() {
        if (thread != null) throw new IllegalStateException("feed " + feed.name() + " already started");
        running = true;
        beforeStart();
        thread = new Thread(this::runGuarded, "feed-" + feed.name());
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs on the caller's thread in {@link #start()}: a place to fail fast (e.g. bind a port). */
    protected void beforeStart() {}

    private void runGuarded() {
        try {
            runFeed();
        } catch (RuntimeException | Error e) {
            // a bug, not bad input: make it visible on the feed instead of dying silently
            feed.lastError("reader stopped: " + e);
            feed.state(FeedState.FAILED);
            if (e instanceof Error) throw (Error) e;
        }
    }

    protected abstract void runFeed();

    protected abstract void wakeUp();

    protected final boolean running() {
        return running;
    }

    /** Stops reading and waits up to 5 s for the reader thread(s). */
    public void stop() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        wakeUp();
        if (t == null) {
            feed.state(FeedState.CLOSED);
            return;
        }
        t.interrupt();
        try {
            t.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the reader thread has ended (a file at its end, or after stop). */
    public boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t == null) return false;
        t.join(Math.max(1, unit.toMillis(timeout)));
        return !t.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    /** Receive time at the rim: wall clock per read chunk, nanoseconds since the epoch. */
    protected static long nowNanos() {
        return System.currentTimeMillis() * 1_000_000L;
    }

    /** Sleeps, returning false when interrupted (stop requested). */
    protected static boolean sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
