package org.vigil.server.playback;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.event.EventSink;
import org.vigil.core.event.EventTime;
import org.vigil.core.event.VigilEvent;
import org.vigil.core.radar.RadarPlot;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.radar.RadarStatus;
import org.vigil.core.radar.ServiceMessage;
import org.vigil.server.picture.Theatre;
import org.vigil.server.recording.RawStore;
import org.vigil.server.replay.ReplayController;
import org.vigil.server.replay.ReplaySinks;
import org.vigil.server.replay.Replayer;

/**
 * Plays a period [from, to) of a recording through a fresh live pipeline
 * ({@link RecordingPlaybackPicture}), paced by a {@link ReplayController}: 1x to maximum speed,
 * pause, resume, seek. It only reads the recording; the picture's events go to the given
 * {@link EventSink}, never to a recorder.
 *
 * <p>Determinism: the picture at data time T depends on every input before T (track numbers,
 * identities, open alerts), so a period is never started cold. Every (re)start at T builds a fresh
 * picture and first replays the journal from its beginning up to T at maximum speed ("warm-up",
 * events not handed on), then plays [T, to) at the chosen pace. The events handed on are then the
 * original run's events of [T, to), one for one (PlaybackDeterminismTest), provided the journal
 * still holds the recording's beginning (retention) and the live run was itself deterministic.
 * Cost of a seek: the warm-up, about 3 s per recorded hour of the default scenario on one core.
 *
 * <p>Threads: {@link #start()} runs the playback on its own thread; {@link #run()} on the caller's.
 * Either hands the inputs to the current picture's owner thread ({@link RecordingPlaybackPicture}).
 * Control methods are thread-safe. After the end of the period the playback waits for a seek
 * (which plays again from there) or {@link #close()}.
 */
public final class RecordingPlayback implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingPlayback.class);
    /** Inputs read after the period's end for the events of its last moments (radar scans, the tracker's reordering). */
    static final long TAIL_NANOS = 60_000_000_000L;

    /**
     * What a console shows of the playback.
     * @param positionNanos data time reached (the seek target while seeking)
     * @param speed         data seconds per wall second, 0 = as fast as possible
     * @param seeking       a fresh picture is being built up to the seek target
     * @param finished      the end of the period was reached (a seek plays again)
     * @param events        events handed on since the start (a seek back hands some on again)
     */
    public record State(
            long fromNanos,
            long toNanos,
            long positionNanos,
            double speed,
            boolean paused,
            boolean seeking,
            boolean finished,
            long events) {}

    private final RawStore raw;
    private final List<RadarSite> radars;
    private final long fromNanos, toNanos;
    private final EventSink out;
    private final AtomicLong events = new AtomicLong();
    /** Sinks the main replay delivers to: whatever picture is current (one volatile read per input). */
    private final ReplaySinks current;

    /** The theatre every picture of this playback is built on. */
    private final Theatre theatre;

    private volatile RecordingPlaybackPicture picture;
    /** The controller of the running segment; a restart after the end gets a fresh one with the same speed and pause. */
    private volatile ReplayController control;
    /** The warm-up's controller (maximum speed), stopped by close(). */
    private volatile ReplayController warm;
    /** Events before this data time belong to the warm-up and are not handed on. */
    private volatile long segmentStart;
    /** Controller position when the segment started: until it moves, the position shown is the segment start. */
    private volatile long positionAtSegmentStart = Long.MIN_VALUE;

    private volatile boolean seeking;
    private boolean finished, closed;
    private long pendingRestart = Long.MIN_VALUE;
    private Thread thread;
    private volatile Replayer.Summary lastSummary;

    /**
     * @param events receives the events of the period (data time in [from, to)); never null
     * @param speed  initial speed: data seconds per wall second, {@link ReplayController#MAX_SPEED} = as fast as possible
     */
    public RecordingPlayback(
            Theatre theatre,
            RawStore raw,
            List<RadarSite> radars,
            long fromNanos,
            long toNanos,
            double speed,
            EventSink events) {
        this.theatre = Objects.requireNonNull(theatre, "theatre");
        if (toNanos <= fromNanos) throw new IllegalArgumentException("empty period: to must be after from");
        this.raw = Objects.requireNonNull(raw, "raw");
        this.radars = List.copyOf(radars);
        this.fromNanos = fromNanos;
        this.toNanos = toNanos;
        this.out = Objects.requireNonNull(events, "events");
        this.control = new ReplayController(speed);
        this.segmentStart = fromNanos;
        this.picture = new RecordingPlaybackPicture(theatre, this::emit); // empty until the thread builds the real one
        this.current = new ReplaySinks(
                        (buf, off, len, t, mlat, signal) ->
                                picture.sinks.frames().onFrame(buf, off, len, t, mlat, signal),
                        m -> picture.sinks.messages().onMessage(m),
                        new RadarPlotSink() {
                            @Override
                            public void onPlot(RadarPlot p) {
                                picture.sinks.plots().onPlot(p);
                            }

                            @Override
                            public void onRadarStatus(RadarStatus s, ServiceMessage m) {
                                picture.sinks.plots().onRadarStatus(s, m);
                            }
                        },
                        m -> picture.sinks.flightPlans().accept(m))
                .withClock(t -> picture.sinks.clock().accept(t))
                .withSource(f -> picture.sinks.source().accept(f))
                .withStep(t -> picture.sinks.step().accept(t))
                .withFighters(a -> picture.sinks.fighters().beforeTick(a))
                .withActions((t, c) -> picture.sinks.actions().onAction(t, c));
    }

    /** The theatre every picture of this playback is built on. */
    public Theatre theatre() {
        return theatre;
    }

    /** Starts playing on a thread of its own ("vigil-playback"). */
    public synchronized void start() {
        if (thread != null) throw new IllegalStateException("already started");
        thread = new Thread(this::runSafely, "vigil-playback");
        thread.setDaemon(true);
        thread.start();
    }

    private void runSafely() {
        try {
            run();
        } catch (IOException | RuntimeException e) {
            LOG.error("playback failed", e);
        }
    }

    /**
     * Plays on the calling thread: the period once, then each restart a seek after the end asks
     * for, until {@link #close()}. For a single pass (command line, tests) use {@link #playOnce()}.
     */
    public void run() throws IOException {
        long start = fromNanos;
        while (true) {
            segment(start);
            synchronized (this) {
                finished = true;
                notifyAll();
                while (!closed && pendingRestart == Long.MIN_VALUE) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (closed) return;
                start = pendingRestart;
                pendingRestart = Long.MIN_VALUE;
                finished = false;
                ReplayController old = control;
                ReplayController next = new ReplayController(old.speed());
                if (old.paused()) next.pause();
                control = next;
            }
        }
    }

    /** Plays the period once on the calling thread (seeks during it are honoured) and returns what was delivered. */
    public Replayer.Summary playOnce() throws IOException {
        segment(fromNanos);
        synchronized (this) {
            finished = true;
            notifyAll();
        }
        return lastSummary;
    }

    private void segment(long start) throws IOException {
        rebuildAt(start);
        if (closed) return;
        lastSummary = Replayer.recording(raw, radars, start, toNanos, current, control, this::rebuildAt);
        if (!control.stopped()) {
            // the tail: inputs received after the period still carry events of it (a radar block holds
            // the plots of the scan before its receive time); played fast, their later events not handed on
            ReplayController w = ReplayController.maxSpeed();
            warm = w;
            if (!closed)
                Replayer.recording(
                        raw,
                        radars,
                        toNanos,
                        toNanos > Long.MAX_VALUE - TAIL_NANOS ? Long.MAX_VALUE : toNanos + TAIL_NANOS,
                        current,
                        w,
                        t -> {});
        }
        picture.flushEvents();
    }

    /** A fresh picture brought up to {@code target} at maximum speed (the warm-up), events before it not handed on. */
    private void rebuildAt(long target) {
        seeking = true;
        try {
            synchronized (this) {
                if (pendingRestart == target) pendingRestart = Long.MIN_VALUE; // this jump is that seek
            }
            RecordingPlaybackPicture old = picture;
            old.drain(); // what was handed to it is applied (its events judged against its own segment)
            RecordingPlaybackPicture p = new RecordingPlaybackPicture(theatre, this::emit);
            segmentStart = target;
            positionAtSegmentStart = control.position();
            picture = p; // the console shows the picture growing while it warms up
            old.close(); // its owner thread stops; a console read still in hand runs on its caller
            ReplayController w = ReplayController.maxSpeed();
            warm = w;
            if (closed) return;
            try {
                Replayer.recording(raw, radars, Long.MIN_VALUE, target, p.sinks, w, t -> {});
            } catch (IOException e) {
                LOG.error("playback: warm-up up to {} failed", target, e);
            }
            p.flushEvents();
        } finally {
            seeking = false;
        }
    }

    /** The picture's event sink: only events of the period being played are handed on. */
    private void emit(VigilEvent e) {
        long timeNanos = EventTime.toMillis(e.time()); // the stored events' time
        if (timeNanos < segmentStart || timeNanos >= toNanos) return;
        events.incrementAndGet();
        out.accept(e);
    }

    // ------------------------------------------------------------------ control

    public void pause() {
        control.pause();
    }

    public void resume() {
        control.resume();
    }

    /** @param speed data seconds per wall second, 0 ({@link ReplayController#MAX_SPEED}) = as fast as possible */
    public void setSpeed(double speed) {
        control.setSpeed(speed);
    }

    /**
     * Plays on from {@code nanos} (clamped into the period), with a picture rebuilt up to there.
     * After the end of the period this plays again from there.
     */
    public synchronized void seek(long nanos) {
        long t = Math.max(fromNanos, Math.min(nanos, toNanos - 1));
        pendingRestart = t;
        if (finished) notifyAll();
        else control.jump(t);
    }

    /** Waits until the end of the period is reached (or {@code timeoutMillis} passes); true if it was. */
    public synchronized boolean awaitFinished(long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!finished) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) return false;
            wait(left);
        }
        return true;
    }

    public State state() {
        ReplayController c = control;
        long pos = c.position();
        long start = segmentStart;
        if (seeking || pos == positionAtSegmentStart || pos < start) pos = start;
        boolean done;
        synchronized (this) {
            done = finished;
        }
        return new State(
                fromNanos, toNanos, Math.min(pos, toNanos), c.speed(), c.paused(), seeking, done, events.get());
    }

    public long fromNanos() {
        return fromNanos;
    }

    public long toNanos() {
        return toNanos;
    }

    /** The picture being shown (replaced at every seek). */
    RecordingPlaybackPicture picture() {
        return picture;
    }

    /** What the last (or current) segment's replay delivered; null before the first segment ended. */
    public Replayer.Summary lastSummary() {
        return lastSummary;
    }

    /** Stops the playback (and its thread) after the input in hand. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            notifyAll();
            t = thread;
        }
        control.stop();
        ReplayController w = warm;
        if (w != null) w.stop();
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        picture.close();
    }
}
