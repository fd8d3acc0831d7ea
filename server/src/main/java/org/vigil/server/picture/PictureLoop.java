package org.vigil.server.picture;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.codec.feed.FrameSink;
import org.vigil.codec.modes.ModeSMessage;
import org.vigil.core.radar.RadarPlot;

/**
 * The one thread that owns a {@link Picture} (as readsb has one decode thread): the feed threads
 * read and frame, then hand each frame to this loop through a bounded queue; the loop decodes and
 * applies it, runs the other work on the picture (radar plots, simulation steps, flight plans,
 * operator actions, housekeeping) in arrival order, and publishes a fresh {@link PictureSnapshot}
 * for the readers at most every {@link #PUBLISH_INTERVAL_NANOS} (wall time: it paces copying, not
 * the picture).
 *
 * <p>The queue is a ring of {@code capacity} slots allocated up front, many producers and one
 * consumer, each slot with a sequence number (D. Vyukov's bounded queue): a frame is copied into its
 * slot, nothing is allocated per frame and no lock is taken. The owner sleeps when the ring is empty
 * and a producer wakes it only then.
 *
 * <p>Back-pressure: when the ring is full a feed thread waits for a free slot — no input is dropped
 * — and every such wait is counted ({@link #waits()}); a TCP feed then stops reading and the
 * sender's buffers absorb the burst.
 *
 * <p>Before {@link #start()} (the restart rebuild) and after {@link #close()} the work runs inline
 * on the calling thread, which is then the owner; a replay needs no loop at all and delivers into
 * the picture on its own thread, which keeps it deterministic. {@code vigil replay} uses a loop as
 * its second stage ({@code replay.PictureStages}: one producer, so the order stays the replay's),
 * fed with copied decoded messages and plots ({@link #messages}, {@link #plots}).
 */
public final class PictureLoop implements AutoCloseable, org.vigil.server.feed.FeedDelivery.Handoff {
    /** Readers see the picture at most this old (plus the time to copy it). */
    public static final long PUBLISH_INTERVAL_NANOS = 200_000_000L;
    /** Default queue length: some 0.1 s of a busy receiver network's frames. */
    public static final int DEFAULT_CAPACITY = 16_384;

    private static final Logger LOG = LoggerFactory.getLogger(PictureLoop.class);
    private static final int MAX_FRAME = 32;
    /** Slots handled between two looks at the clock (the snapshot's interval): the ring is drained in batches. */
    private static final int BATCH = 256;

    private final Slot[] ring;
    private final int mask;
    /** Next position a producer claims. */
    private final AtomicLong tail = new AtomicLong();
    /** Next position the owner takes (owner thread only). */
    private long head;

    private final Runnable publish;
    private final LongAdder waits = new LongAdder();
    private final LongAdder failures = new LongAdder();
    /** The caller's waiting state of {@link #runAndWait}/{@link #call}: one per thread, reused. */
    private final ThreadLocal<Waiter> waiter = ThreadLocal.withInitial(Waiter::new);

    private volatile Thread owner;
    private volatile boolean running;
    /** Set by the owner before it parks on an empty ring; producers unpark it only then. */
    private volatile boolean sleeping;

    /**
     * @param capacity slots (rounded up to a power of two)
     * @param publish  called on the owner thread to publish a snapshot for the readers
     */
    public PictureLoop(int capacity, Runnable publish) {
        int n = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        ring = new Slot[n];
        for (int i = 0; i < n; i++) ring[i] = new Slot(i);
        mask = n - 1;
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
            Slot s = claim();
            System.arraycopy(buf, off, s.frame, 0, len);
            s.sink = consumer;
            s.len = len;
            s.timeNanos = timeNanos;
            s.mlat = mlat12MHz;
            s.signal = signal;
            publish(s);
        };
    }

    /**
     * A sink for decoded messages (a reused object) from a producer thread: each is copied whole
     * into a queue slot ({@link ModeSMessage#copyFrom}) and {@code onOwner} gets the copy on the owner
     * thread, without the producer waiting. A two-stage replay hands the work after the aircraft
     * table (GNSS picture, tracker, identification) over this way. Nothing is allocated per message:
     * a slot's message is made the first time the slot carries one.
     */
    public Consumer<ModeSMessage> messages(Consumer<ModeSMessage> onOwner) {
        return m -> {
            if (onOwner()) {
                runInline(() -> onOwner.accept(m));
                return;
            }
            Slot s = claim();
            if (s.message == null) {
                s.message = new ModeSMessage();
                s.messageFrame = new byte[org.vigil.codec.modes.AdsbEncoder.LONG_FRAME_BYTES];
            }
            s.message.copyFrom(m, s.messageFrame);
            s.messageSink = onOwner;
            publish(s);
        };
    }

    /** As {@link #messages}, for radar plots (a reused object): copied into a slot, {@code onOwner} gets the copy. */
    public Consumer<RadarPlot> plots(Consumer<RadarPlot> onOwner) {
        return p -> {
            if (onOwner()) {
                runInline(() -> onOwner.accept(p));
                return;
            }
            Slot s = claim();
            if (s.plot == null) s.plot = new RadarPlot();
            s.plot.copyFrom(p);
            s.plotSink = onOwner;
            publish(s);
        };
    }

    /** Runs {@code task} on the owner thread, without waiting for it. */
    public void execute(Runnable task) {
        if (onOwner()) {
            runInline(task);
            return;
        }
        Slot s = claim();
        s.task = task;
        publish(s);
    }

    /** Runs {@code task} on the owner thread and waits until it has run (an SBS message, a simulation slice). */
    @Override
    public void runAndWait(Runnable task) {
        if (onOwner()) {
            runInline(task);
            return;
        }
        Waiter w = waiter.get();
        Slot s = claim();
        s.task = task;
        await(s, w);
    }

    /** Runs {@code work} on the owner thread and returns its result (operator actions, reads, tests). */
    public <T> T call(Supplier<T> work) {
        if (onOwner()) return work.get();
        Waiter w = waiter.get();
        Slot s = claim();
        s.work = work;
        @SuppressWarnings("unchecked")
        T t = (T) await(s, w);
        return t;
    }

    /** Times a feed thread waited because the queue was full (back-pressure, no input lost). */
    public long waits() {
        return waits.sum();
    }

    /** Work that threw on the owner thread (counted and logged, the loop goes on). */
    public long failures() {
        return failures.sum();
    }

    /** Queues {@code s} with the calling thread waiting in {@code w}; the result, or the exception rethrown. */
    private Object await(Slot s, Waiter w) {
        w.done = false;
        w.result = null;
        w.error = null;
        w.thread = Thread.currentThread();
        s.waiter = w;
        publish(s);
        boolean interrupted = false;
        while (!w.done) {
            LockSupport.parkNanos(this, 10_000_000L);
            if (Thread.interrupted()) interrupted = true;
            Thread t = owner;
            if (!w.done && (t == null || !t.isAlive())) {
                throw new IllegalStateException("the picture's loop ended with work queued");
            }
        }
        Object r = w.result;
        RuntimeException e = w.error;
        w.result = null;
        w.error = null;
        if (interrupted) Thread.currentThread().interrupt();
        if (e != null) throw e;
        return r;
    }

    /** A free slot for the calling producer, waiting (counted) while the ring is full. */
    private Slot claim() {
        boolean counted = false;
        int spins = 0;
        long pos = tail.get();
        while (true) {
            Slot s = ring[(int) (pos & mask)];
            long dif = s.seq - pos;
            if (dif == 0) {
                if (tail.compareAndSet(pos, pos + 1)) {
                    s.claimed = pos;
                    return s;
                }
            } else if (dif < 0) { // full: the owner has not freed this slot yet
                if (!counted) {
                    waits.increment();
                    counted = true;
                }
                wakeOwner();
                if (++spins < 64) Thread.onSpinWait();
                else LockSupport.parkNanos(20_000L);
            }
            pos = tail.get();
        }
    }

    /** Hands a filled slot to the owner (the sequence write releases its contents). */
    private void publish(Slot s) {
        s.seq = s.claimed + 1;
        if (sleeping) wakeOwner();
    }

    private void wakeOwner() {
        Thread t = owner;
        if (t != null) LockSupport.unpark(t);
    }

    private void runInline(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            failures.increment();
            throw e;
        }
    }

    /** The next filled slot, or null when the ring is empty (owner thread). */
    private Slot next() {
        Slot s = ring[(int) (head & mask)];
        return s.seq == head + 1 ? s : null;
    }

    /** Frees the slot just handled for the producers (owner thread). */
    private void release(Slot s) {
        s.recycle();
        s.seq = head + ring.length;
        head++;
    }

    private void run() {
        long lastPublish = System.nanoTime();
        boolean dirty = true;
        while (running) {
            // a batch: every filled slot up to BATCH before the clock is read again
            int handled = 0;
            Slot s;
            while (handled < BATCH && (s = next()) != null) {
                handle(s);
                release(s);
                handled++;
            }
            if (handled > 0) {
                dirty = true;
            } else {
                sleeping = true;
                if (next() == null && running) LockSupport.parkNanos(this, PUBLISH_INTERVAL_NANOS / 4);
                sleeping = false;
            }
            long now = System.nanoTime();
            // every interval under load; sooner (a quarter of it) when the ring has run dry
            if (dirty && now - lastPublish >= (next() == null ? PUBLISH_INTERVAL_NANOS / 4 : PUBLISH_INTERVAL_NANOS)) {
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
        while ((s = next()) != null) {
            handle(s);
            release(s);
        }
    }

    private void handle(Slot s) {
        Waiter w = s.waiter;
        if (w != null) {
            try {
                if (s.work != null) w.result = s.work.get();
                else s.task.run();
            } catch (RuntimeException e) {
                failures.increment();
                w.error = e;
            }
            Thread t = w.thread;
            w.done = true; // volatile: publishes result and error
            LockSupport.unpark(t);
            return;
        }
        try {
            if (s.task != null) s.task.run();
            else if (s.messageSink != null) s.messageSink.accept(s.message);
            else if (s.plotSink != null) s.plotSink.accept(s.plot);
            else s.sink.onFrame(s.frame, 0, s.len, s.timeNanos, s.mlat, s.signal);
        } catch (RuntimeException e) {
            failures.increment();
            LOG.debug("picture work failed", e);
        }
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
        // no interrupt: the owner may be writing the journal, whose channel an interrupt would close
        LockSupport.unpark(t);
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A caller waiting for its work on the owner thread. */
    private static final class Waiter {
        volatile boolean done;
        Object result;
        RuntimeException error;
        Thread thread;
    }

    /** One unit of work: a copied frame, a task, or work with a waiting caller. */
    private static final class Slot {
        /** Position + 1 once filled; position + capacity once free again (the owner's release). */
        volatile long seq;

        long claimed;
        final byte[] frame = new byte[MAX_FRAME];
        FrameSink sink;
        int len, signal;
        long timeNanos, mlat;
        Runnable task;
        Supplier<?> work;
        Waiter waiter;
        /** A copied message or plot and where it goes (made on the slot's first use, then reused). */
        ModeSMessage message;

        byte[] messageFrame;
        Consumer<ModeSMessage> messageSink;
        RadarPlot plot;
        Consumer<RadarPlot> plotSink;

        Slot(long seq) {
            this.seq = seq;
        }

        void recycle() {
            sink = null;
            task = null;
            work = null;
            waiter = null;
            messageSink = null;
            plotSink = null;
        }
    }
}
