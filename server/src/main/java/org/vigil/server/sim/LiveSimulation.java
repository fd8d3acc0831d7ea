package org.vigil.server.sim;

import java.util.List;
import java.util.Locale;
import org.vigil.codec.asterix.plots.PlotCounters;
import org.vigil.codec.feed.FeedCounters;
import org.vigil.codec.feed.FrameSink;
import org.vigil.codec.feed.RejectReason;
import org.vigil.codec.feed.SbsSink;
import org.vigil.codec.fpl.FplParseResult;
import org.vigil.codec.fpl.FplParser;
import org.vigil.core.sim.RadarSpec;
import org.vigil.core.sim.ReceiverSpec;
import org.vigil.core.sim.Scenario;
import org.vigil.core.sim.Simulation;
import org.vigil.server.feed.Feed;
import org.vigil.server.feed.FeedDelivery;
import org.vigil.server.feed.FeedKind;
import org.vigil.server.feed.FeedSource;
import org.vigil.server.feed.FeedState;
import org.vigil.server.feed.FeedStatus;
import org.vigil.server.live.LiveServer;

/**
 * A scenario played into a running Vigil ({@code vigil demo}, {@code vigil run --sim}): ADS-B frames
 * into the Mode S pipeline, radar blocks decoded into the recent plots, flight plans filed in the
 * server's store at the start. Scenario time = scenario start + elapsed wall time x speed, so the
 * console (whose clock follows the data) shows the scenario's own date.
 *
 * <p>Every simulated sensor has a row in {@code /api/feeds} of kind {@code sim}: one per ADS-B
 * receiver (frames heard, Beast octets, decode rejects of the frames credited to it), one per radar
 * (plots, ASTERIX octets, plot rejections) and one for the flight plans (messages filed, rejected).
 *
 * <p>Threads: all delivery runs on the server's picture loop, in slices of at most one simulated
 * second (each handed to the loop and waited for) so that other inputs and the snapshots for the
 * web layer are not held up at high speed. With
 * {@code realTime} false nothing runs by itself: the owner calls {@link #advanceTo} (tests).
 */
public final class LiveSimulation implements LiveServer.Input {
    static final String KIND = "sim";
    private static final double SLICE_SECONDS = 1.0;

    private final LiveServer server;
    private final SimFeed feed;
    private final double speed;
    private final boolean realTime;
    private final FrameSink frames;
    private final SimDegradations degradations;
    private final FrameSink[] perReceiver, staleFeeds;
    private final FeedCounters planCounters = new FeedCounters();
    private volatile FeedState state = FeedState.NEW;
    private volatile double scenarioSeconds;
    private Thread clock;
    private volatile boolean running;

    /**
     * Builds the sensors, registers their rows in the server's feeds and files the flight plans.
     * @param speed    scenario seconds per wall second (> 0)
     * @param realTime whether {@link #start()} runs the wall clock; false: advanced by hand
     */
    public LiveSimulation(LiveServer server, Scenario scenario, double speed, boolean realTime) {
        this(server, scenario, speed, realTime, 0);
    }

    /**
     * As above, resuming a restarted run: the first {@code recordedInputs} frames and radar blocks
     * (what the recording already holds of this scenario, {@link #recordedInputs}) are run through at
     * full speed and dropped, the flight plans not filed again (the restart rebuilt them from the
     * recording); then the scenario goes on in real time from there.
     */
    public LiveSimulation(LiveServer server, Scenario scenario, double speed, boolean realTime, long recordedInputs) {
        if (!(speed > 0) || Double.isInfinite(speed)) throw new IllegalArgumentException("speed must be > 0: " + speed);
        this.server = server;
        this.speed = speed;
        this.realTime = realTime;
        this.feed = new SimFeed(scenario, server.picture().radarSink()); // decoded on the loop
        feed.skipInputs(recordedInputs);
        server.flySimulatedFighters(feed.simulation());
        server.clockFromInput(); // the picture's clock is the scenario's (ticks in advanceTo)
        List<ReceiverSpec> rx = feed.receivers();
        FrameSink[] perReceiver = new FrameSink[rx.size()];
        for (int i = 0; i < rx.size(); i++) {
            ReceiverSpec r = rx.get(i);
            FeedCounters c = feed.receiverCounters(i);
            // recorded (when the server records) with the frame's own time: the scenario's clock
            perReceiver[i] = server.frameConsumerFor(c, "sim-adsb-" + r.name(), null);
            server.feeds()
                    .add(
                            new Row(
                                    "sim-adsb-" + r.name(),
                                    String.format(
                                            Locale.ROOT,
                                            "receiver %s %.4f,%.4f %.0f NM",
                                            r.name(),
                                            r.lat(),
                                            r.lon(),
                                            r.rangeNm()),
                                    "beast") {
                                @Override
                                public FeedStatus status() {
                                    return status(
                                            c.framesAccepted(),
                                            c.bytesRead(),
                                            c.rejectsByReason(),
                                            c.skipsByReason(),
                                            c.lastFrameTimeNanos());
                                }
                            });
        }
        // degradations (docs/SCENARIOS.md): a stale receiver's repeats come in on a feed of their own
        SimDegradations degraded = feed.degradations();
        this.degradations = degraded;
        this.perReceiver = perReceiver;
        this.staleFeeds = new FrameSink[rx.size()];
        for (int i = 0; i < rx.size(); i++) {
            if (!degraded.hasStaleFeed(i)) continue;
            FeedCounters c = new FeedCounters();
            String name = "sim-adsb-" + rx.get(i).name() + "-stale";
            staleFeeds[i] = server.frameConsumerFor(c, name, null);
            server.feeds()
                    .add(new CountersRow(
                            name, "stale repeats of receiver " + rx.get(i).name(), "beast", c));
        }
        // a frame heard by several receivers reaches the pipeline once, credited to the strongest
        this.frames = (buf, off, len, t, mlat, signal) -> {
            int r = feed.frameReceiver();
            degraded.release(t, perReceiver, staleFeeds); // what is due goes first
            if (degraded.hold(r, buf, off, len, t, mlat, signal)) return; // dropped or held back
            if (feed.skipNext()) return; // recorded before a restart
            perReceiver[r].onFrame(buf, off, len, t, mlat, signal);
        };
        List<RadarSpec> radars = feed.radars();
        for (int i = 0; i < radars.size(); i++) {
            RadarSpec r = radars.get(i);
            PlotCounters c = feed.radarCounters(i);
            if (server.tap() != null) feed.recordRadar(i, server.tap().radar("sim-radar-" + r.sac() + "-" + r.sic()));
            server.feeds()
                    .add(
                            new Row(
                                    "sim-radar-" + r.sac() + "-" + r.sic(),
                                    String.format(
                                            Locale.ROOT,
                                            "radar %s SAC/SIC %d/%d %.4f,%.4f %.0f NM",
                                            r.name(),
                                            r.sac(),
                                            r.sic(),
                                            r.lat(),
                                            r.lon(),
                                            r.rangeNm()),
                                    "asterix") {
                                @Override
                                public FeedStatus status() {
                                    long last = c.lastPlotTimeNanos();
                                    return status(
                                            c.plots(),
                                            c.bytesRead(),
                                            c.rejectsByReason(),
                                            c.skipsByReason(),
                                            last == Long.MIN_VALUE ? -1 : last);
                                }
                            });
        }
        server.feeds().add(new Row("sim-flightplans", "flight plans of scenario " + scenario.name(), "icao-fpl") {
            @Override
            public FeedStatus status() {
                return status(
                        planCounters.framesAccepted(),
                        planCounters.bytesRead(),
                        planCounters.rejectsByReason(),
                        planCounters.skipsByReason(),
                        planCounters.lastFrameTimeNanos());
            }
        });
        if (recordedInputs <= 0) filePlans();
    }

    /**
     * The frames and radar blocks of a simulation that {@code raw} (a recording's journal) holds:
     * what a restarted {@code vigil demo} skips ({@code modes:sim-adsb-*} and
     * {@code asterix:sim-radar-*} feeds, the names this class records under). Counts from the
     * journal's start, so it is exact as long as retention has removed nothing of the run.
     */
    public static long recordedInputs(org.vigil.server.recording.RawStore raw) throws java.io.IOException {
        long[] n = new long[1];
        raw.read(Long.MIN_VALUE, Long.MAX_VALUE, (name, rx, data, bytes, off, len) -> {
            if (name.startsWith("modes:sim-adsb-") || name.startsWith("asterix:sim-radar-")) n[0]++;
            return true;
        });
        return n[0];
    }

    /** Parses the scenario's FPL messages and files them, stamped at the scenario start. */
    private void filePlans() {
        FplParser parser = new FplParser();
        long t = feed.startEpochSeconds() * 1_000_000_000L;
        server.loop().runAndWait(() -> {
            for (String text : feed.flightPlans()) {
                planCounters.bytesRead(text.length());
                if (server.tap() != null) server.tap().flightPlans("sim-flightplans", t, t, text);
                for (FplParseResult r : parser.parseAll(text)) {
                    if (r instanceof FplParseResult.Parsed p) {
                        server.flightPlans().apply(p.message());
                        planCounters.frameAccepted(t);
                    } else {
                        planCounters.reject(RejectReason.BAD_FIELD); // our own writer's output: must stay 0
                    }
                }
            }
        });
    }

    public SimFeed feed() {
        return feed;
    }

    /** Simulated seconds since the scenario start reached so far. */
    public double scenarioSeconds() {
        return scenarioSeconds;
    }

    /** Runs the scenario up to {@code seconds} after its start (capped at its duration). */
    public void advanceTo(double seconds) {
        double target = Math.min(seconds, feed.scenario().durationSeconds());
        while (feed.simulation().time() + Simulation.STEP_SECONDS <= target) {
            double next = Math.min(target, feed.simulation().time() + SLICE_SECONDS);
            server.loop().runAndWait(() -> {
                feed.advanceTo(next, frames);
                // the scramble workflow launches and steers fighters between the simulation's steps
                long t = feed.startEpochSeconds() * 1_000_000_000L
                        + Math.round(feed.simulation().time() * 1e9);
                degradations.release(t, perReceiver, staleFeeds);
                server.afterSimulationStep(t);
                // a recorded tick of the scenario's clock: ages, expiry and sensor health follow it
                server.clockTick(t);
            });
            scenarioSeconds = feed.simulation().time();
        }
        // advanced by hand (tests): the readers see the result at once, not at the loop's next snapshot
        if (!realTime) server.loop().runAndWait(server.picture()::publish);
        if (state == FeedState.NEW) state = FeedState.CONNECTED;
        if (feed.simulation().time() + Simulation.STEP_SECONDS > feed.scenario().durationSeconds())
            state = FeedState.EOF;
    }

    @Override
    public synchronized void start() {
        if (!realTime || clock != null) return;
        running = true;
        state = FeedState.CONNECTED;
        clock = new Thread(this::runClock, "vigil-sim-" + feed.scenario().name());
        clock.setDaemon(true);
        clock.start();
    }

    private void runClock() {
        // a restarted run first catches up, at full speed, to where its recording ends
        while (running
                && feed.skipping() > 0
                && feed.simulation().time() + Simulation.STEP_SECONDS
                        <= feed.scenario().durationSeconds()) {
            advanceTo(feed.simulation().time() + SLICE_SECONDS);
        }
        long wall0 = System.nanoTime() - Math.round(feed.simulation().time() / speed * 1e9);
        double duration = feed.scenario().durationSeconds();
        while (running) {
            double target = (System.nanoTime() - wall0) / 1e9 * speed;
            advanceTo(target);
            if (target >= duration) break;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                break;
            }
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = clock;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (state != FeedState.EOF) state = FeedState.CLOSED;
    }

    /** A row of a frame feed's counters. */
    private final class CountersRow extends Row {
        private final FeedCounters c;

        CountersRow(String name, String endpoint, String format, FeedCounters c) {
            super(name, endpoint, format);
            this.c = c;
        }

        @Override
        public FeedStatus status() {
            return status(
                    c.framesAccepted(), c.bytesRead(), c.rejectsByReason(), c.skipsByReason(), c.lastFrameTimeNanos());
        }
    }

    /** A status row in /api/feeds; the simulation, not a reader thread, does the work. */
    private abstract class Row extends FeedSource {
        private final String endpoint, format;

        Row(String name, String endpoint, String format) {
            super(
                    new Feed(name, FeedKind.FILE, endpoint, null),
                    new FeedDelivery(new Object(), (FrameSink) null, (SbsSink) null));
            this.endpoint = endpoint;
            this.format = format;
        }

        @Override
        public abstract FeedStatus status();

        FeedStatus status(
                long frames,
                long bytes,
                java.util.Map<String, Long> rejects,
                java.util.Map<String, Long> skips,
                long lastNanos) {
            return new FeedStatus(
                    feed().name(),
                    KIND,
                    endpoint,
                    format,
                    state.label,
                    frames,
                    bytes,
                    rejects,
                    skips,
                    0,
                    0,
                    0,
                    0,
                    lastNanos,
                    null);
        }

        @Override
        protected void runFeed() {
            // nothing to read: the simulation delivers (the registry's reader thread ends at once)
        }

        @Override
        protected void wakeUp() {}
    }
}
