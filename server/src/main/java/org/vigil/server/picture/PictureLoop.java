package org.vigil.server.picture;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.vigil.codec.feed.FrameSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns a {@link Picture} (as readsb has one decode thread): the feed threads
 * read and frame, then hand each frame to this loop through a bounded queue; the loop decodes and
 * applies it, runs the other work on the picture (radar plots, simulation steps, flight plans,
 * operator actions, housekeeping) in arrival order, and publishes a fresh {@link PictureSnapshot}
 * for the readers at most every {@link #PUBLISH_INTERVAL_NANOS} (wall time: it paces copying, not
 * the picture).
 *
 * <p>Back-pressure: the queue holds {@code capacity} slots allocated up front (a frame is copied
 * into its slot: nothing is allocated per frame). When it is full, a feed thread waits for a free
 * slot — no input is dropped — and every such wait is counted ({@link #waits()}); a TCP feed then
 * stops reading and the sender's buffers absorb the burst.
 *
 * <p>Before {@link #start()} (the restart rebuild) and after {@link #close()} the work runs inline
 * on the calling thread, which is then the owner; a replay needs no loop at all and delivers into
 * the picture on its own thread, which keeps it deterministic.
 */
public final class PictureLoop implements AutoCloseable, org.vigil.server.feed.FeedDelivery.Handoff {
    /** Readers see the picture at most this old (plus the time to copy it). */
    public static final long PUBLISH_INTERVAL_NANOS = 200_000_000L;
    /** Default queue length: some 0.1 s of a busy receiver network's frames. */
    public static final int DEFAULT_CAPACITY = 16_384;
    private static final Logger LOG = LoggerFactory.getLogger(PictureLoop.class);
    private static final int MAX_FRAME = 32;

    private final ArrayBlockingQueue<Slot> free, full;
    private final Runnable publish;
    private final LongAdder waits = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private volatile Thread owner;
    private volatile boolean running;

    /** @param publish called on the owner thread to publish a snapshot for the readers */
    public PictureLoop(int capacity, Runnable publish) {
        this.free = new ArrayBlockingQueue<>(capacity);
        this.full = new ArrayBlockingQueue<>(capacity);
        for (int i = 0; i < capacity; i++) free.add(new Slot());
        this.publish = publish;
    }

    /** Starts the owner thread; from now on work is queued to it. */
    public synchronized void start() {
        if (owner != null) return;
        running = true;
        Thread t = new Thread(this::run, "vigil-picture");
        t.setDaemon(true);
        owner = t;
        t.start();
    }

    /** Whether the calling thread may touch the picture directly (the owner, or no loop running). */
    public boolean onOwner() {
        Thread t = owner;
        return t == null || t == Thread.currentThread() || !running;
    }

    /**
     * A frame sink for one feed thread: each frame is copied into a queue slot and {@code consumer}
     * gets it on the owner thread. A consumer that throws is counted ({@link #failures()}), the
     * loop goes on.
     */
    @Override
    public FrameSink frames(FrameSink consumer) {
        return (buf, off, len, timeNanos, mlat12MHz, signal) -> {
            if (onOwner() || len > MAX_FRAME) {
                // a frame longer than any Mode S frame is refused by the decoder: no need to queue it
                runInline(() -> consumer.onFrame(buf, off, len, timeNanos, mlat12MHz, signal));
                return;
            }
            Slot s = takeFree();
            System.arraycopy(buf, off, s.frame, 0, len);
            s.sink = consumer;
            s.len = len;
            s.timeNanos = timeNanos;
            s.mlat = mlat12MHz;
            s.signal = signal;
            put(s);
        };
    }

    /** Runs {@code task} on the owner thread, without waiting for it. */
    public void execute(Runnable task) {
        if (onOwner()) {
            runInline(task);
            return;
        }
        Slot s = takeFree();
        s.task = task;
        put(s);
    }

    /** Runs {@code task} on the owner thread and waits until it has run (an SBS message, a simulation slice). */
    @Override
    public void runAndWait(Runnable task) {
        if (onOwner()) {
            runInline(task);
            return;
        }
        Slot s = takeFree();
        s.task = task;
        await(s);
    }

    /** Runs {@code work} on the owner thread and returns its result (operator actions, reads, tests). */
    public <T> T call(Supplier<T> work) {
        if (onOwner()) return work.get();
        Slot s = takeFree();
        s.work = work;
        Object r = await(s);
        @SuppressWarnings("unchecked") T t = (T) r;
        return t;
    }

    /** Queues {@code s} with the calling thread waiting for it; its result, or its exception rethrown. */
    private Object await(Slot s) {
        s.waiter = Thread.currentThread();
        put(s);
        boolean interrupted = false;
        while (!s.done) {
            LockSupport.parkNanos(this, 10_000_000L);
            if (Thread.interrupted()) interrupted = true;
            Thread t = owner;
            // the loop ended while this was queued: run it here (the caller is the owner now)
            if (!s.done && (t == null || !t.isAlive()) && full.remove(s)) handle(s);
        }
        Object r = s.result;
        RuntimeException e = s.error;
        s.recycle();
        free.offer(s);
        if (interrupted) Thread.currentThread().interrupt();
        if (e != null) throw e;
        return r;
    }

    /** Times a feed thread waited because the queue was full (back-pressure, no input lost). */
    public long waits() { return waits.sum(); }

    /** Work that threw on the owner thread (counted and logged, the loop goes on). */
    public long failures() { return failures.sum(); }

    /** Slots in use now. */
    public int queued() { return full.size(); }

    private Slot takeFree() {
        Slot s = free.poll();
        if (s != null) return s;
        waits.increment();
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the picture's queue", e);
        }
    }

    private void put(Slot s) {
        if (!full.offer(s)) throw new IllegalStateException("picture queue over capacity"); // cannot happen: slots are counted
    }

    private void runInline(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            failures.increment();
            throw e;
        }
    }

    private void run() {
        long lastPublish = System.nanoTime();
        boolean dirty = true;
        while (running) {
            Slot s;
            try {
                s = full.poll(PUBLISH_INTERVAL_NANOS / 4, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                continue; // only close() ends the loop
            }
            if (s != null) {
                handle(s);
                dirty = true;
            }
            long now = System.nanoTime();
            // every interval under load; sooner (a quarter of it) when the queue has run dry
            if (dirty && now - lastPublish >= (full.isEmpty() ? PUBLISH_INTERVAL_NANOS / 4 : PUBLISH_INTERVAL_NANOS)) {
                lastPublish = now;
                dirty = false;
                try {
                    publish.run();
                } catch (RuntimeException e) {
                    failures.increment();
                    LOG.warn("picture snapshot failed", e);
                }
            }
        }
        // whatever is still queued runs before the loop ends: the feeds were stopped first
        Slot s;
        while ((s = full.poll()) != null) handle(s);
    }

    private void handle(Slot s) {
        if (s.waiter != null) {
            try {
                if (s.work != null) s.result = s.work.get();
                else s.task.run();
            } catch (RuntimeException e) {
                failures.increment();
                s.error = e;
            }
            Thread w = s.waiter;
            s.done = true; // the waiter recycles the slot
            LockSupport.unpark(w);
            return;
        }
        try {
            if (s.task != null) s.task.run();
            else s.sink.onFrame(s.frame, 0, s.len, s.timeNanos, s.mlat, s.signal);
        } catch (RuntimeException e) {
            failures.increment();
            LOG.debug("picture work failed", e);
        }
        s.recycle();
        free.offer(s);
    }

    /** Stops the owner thread after the queued work; later work runs inline on its caller. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            t = owner;
            running = false;
        }
        if (t == null) return;
        // no interrupt: the owner may be writing the journal, whose channel an interrupt would close;
        // it sees the flag within one poll interval
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One unit of work: a copied frame, a task, or a call with a waiting thread. */
    private static final class Slot {
        final byte[] frame = new byte[MAX_FRAME];
        FrameSink sink;
        int len, signal;
        long timeNanos, mlat;
        Runnable task;
        Supplier<?> work;
        Thread waiter;
        Object result;
        RuntimeException error;
        volatile boolean done;

        void recycle() {
            sink = null;
            task = null;
            work = null;
            waiter = null;
            result = null;
            error = null;
            done = false;
        }
    }
}
