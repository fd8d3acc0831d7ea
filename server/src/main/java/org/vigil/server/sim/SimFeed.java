package org.vigil.server.sim;

import java.util.ArrayList;
import java.util.List;
import org.vigil.codec.asterix.plots.PlotCounters;
import org.vigil.codec.asterix.plots.RadarPlotDecoder;
import org.vigil.codec.feed.FeedCounters;
import org.vigil.codec.feed.FrameSink;
import org.vigil.core.radar.RadarNetwork;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.sim.RadarSpec;
import org.vigil.core.sim.ReceiverSpec;
import org.vigil.core.sim.Scenario;
import org.vigil.core.sim.SimListener;
import org.vigil.core.sim.Simulation;
import org.vigil.server.recording.RadarBlockSink;

/**
 * A scenario as a live source, for {@code vigil demo} and {@code vigil run --sim}: the caller
 * advances it with its own clock (real time, or N times real time) and it hands
 * <ul>
 *   <li>every ADS-B frame heard by at least one of the scenario's receivers to a {@link FrameSink},
 *       once, time-stamped as scenario start + simulated time;</li>
 *   <li>every ASTERIX data block (CAT048 plots, CAT034 north markers) of every radar to a
 *       {@link RadarPlotDecoder} with a {@link RadarNetwork} built from the scenario's radars, so
 *       plots reach the {@link RadarPlotSink} exactly as decoded from a recording;</li>
 *   <li>the flight plans as ICAO FPL text ({@link #flightPlans()}), for the caller to parse and file.</li>
 * </ul>
 * Frames, blocks and plans are exactly those {@code vigil sim} writes to files with the same
 * scenario and seed: the sensors are driven in the same order from the same random streams.
 *
 * <p>Not thread-safe: call {@link #advanceTo} from one thread (or under one lock); the counters it
 * exposes are atomic and may be read from anywhere.
 */
public final class SimFeed {
    private final Scenario scenario;
    private final Simulation sim;
    private final AdsbSensor adsb;
    private final FeedCounters[] receiverCounters;
    private final RadarSensor[] radars;
    private final RadarNetwork network;
    private final PlotCounters[] radarCounters;
    private final RadarPlotDecoder[] decoders;
    /** Per radar: where its blocks are recorded before decoding, or null. */
    private final RadarBlockSink[] recorders;

    private final long startNanos;
    /** The scenario's degradations (dropped radars here; receivers in the frame sink's owner). */
    private final SimDegradations degradations;
    /** Traffic inputs (frames and radar blocks) still to drop: those a restarted run's recording already holds. */
    private long skip;

    /** ADS-B only: radar blocks are made (so the random streams match a file run) but not decoded. */
    public SimFeed(Scenario scenario) {
        this(scenario, null);
    }

    /** @param plots where decoded radar plots and radar status go; null to skip decoding */
    public SimFeed(Scenario scenario, RadarPlotSink plots) {
        this.scenario = scenario;
        this.sim = new Simulation(scenario);
        this.startNanos = scenario.startEpochSeconds() * 1_000_000_000L;
        this.degradations = new SimDegradations(scenario);
        List<ByteOut> none = new ArrayList<>();
        for (int i = 0; i < scenario.receivers().size(); i++) none.add(null);
        this.adsb = new AdsbSensor(scenario.receivers(), none, scenario.seed());
        adsb.gnss(scenario.gnssAreas());
        this.receiverCounters = new FeedCounters[scenario.receivers().size()];
        for (int i = 0; i < receiverCounters.length; i++) receiverCounters[i] = new FeedCounters();
        adsb.count(receiverCounters);
        adsb.live(null, scenario.startEpochSeconds());

        List<RadarSite> sites = new ArrayList<>();
        for (RadarSpec r : scenario.radars()) sites.add(site(r));
        this.network = new RadarNetwork(sites);
        int n = scenario.radars().size();
        this.radars = new RadarSensor[n];
        this.radarCounters = new PlotCounters[n];
        this.decoders = new RadarPlotDecoder[n];
        this.recorders = new RadarBlockSink[n];
        for (int i = 0; i < n; i++) {
            // same index as SimRunner, so the radar's random stream and bytes match the file run
            radars[i] = new RadarSensor(scenario.radars().get(i), null, scenario.seed(), i);
            radarCounters[i] = new PlotCounters();
            if (plots == null) continue;
            RadarPlotDecoder decoder = new RadarPlotDecoder(network, plots, radarCounters[i]);
            decoders[i] = decoder;
            PlotCounters c = radarCounters[i];
            // the block's own time is the receive time a radar line would give it
            final int k = i;
            radars[i].live((buf, off, len, t) -> {
                if (degradations.radarDropped(k, t)) return; // a radar down sends nothing
                if (skipNext()) return; // already recorded before a restart: rebuilt from the recording
                c.bytesRead(len);
                long rx = startNanos + Math.round(t * 1e9);
                RadarBlockSink rec = recorders[k];
                if (rec != null) rec.block(buf, off, len, rx); // recorded as received, before decoding
                decoder.decode(buf, off, len, rx);
            });
        }
    }

    /** The scenario's degradations (docs/SCENARIOS.md "Degradations"). */
    SimDegradations degradations() {
        return degradations;
    }

    /**
     * Also hands radar {@code i}'s ASTERIX blocks, with their receive time, to {@code recorder}
     * before they are decoded (a recording tap, e.g. {@code tap.radar("sim-radar-SAC-SIC")}); null: stop.
     */
    public void recordRadar(int i, RadarBlockSink recorder) {
        recorders[i] = recorder;
    }

    /**
     * Resumes a restarted run where its recording ends: the first {@code inputs} frames and radar
     * blocks (in delivery order, which is the recorded order) are made as before, so that the
     * random streams stay the same, but dropped. Frames are dropped by the owner of the frame sink,
     * which asks {@link #skipNext()} first.
     */
    public void skipInputs(long inputs) {
        skip = Math.max(0, inputs);
    }

    /** Whether the next traffic input is one to drop (and counts it). */
    public boolean skipNext() {
        if (skip <= 0) return false;
        skip--;
        return true;
    }

    /** Traffic inputs still to drop. */
    public long skipping() {
        return skip;
    }

    /** The radar site Vigil configures for a simulated radar (assumed altitude: the default; its instrumented range). */
    public static RadarSite site(RadarSpec r) {
        return new RadarSite(
                r.sac(),
                r.sic(),
                r.name(),
                r.lat(),
                r.lon(),
                r.heightM(),
                r.rotationSeconds(),
                r.rangeSigmaM(),
                Math.toRadians(r.azimuthSigmaDeg()),
                RadarSite.DEFAULT_ASSUMED_HEIGHT_METRES,
                r.rangeNm() * org.vigil.core.geo.Units.NM);
    }

    /** The simulation, e.g. to command fighters or to read the truth. */
    public Simulation simulation() {
        return sim;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The radars as configured for decoding (their statuses are live). */
    public RadarNetwork radarNetwork() {
        return network;
    }

    /** Receives appearances, endings and scenario events. */
    public void setListener(SimListener listener) {
        sim.setListener(listener);
    }

    /** Scenario start, seconds since the Unix epoch. */
    public long startEpochSeconds() {
        return scenario.startEpochSeconds();
    }

    /** The ICAO FPL messages of the scenario, as {@code flightplans.txt} holds them. */
    public List<String> flightPlans() {
        return FlightPlans.all(scenario, sim);
    }

    public List<ReceiverSpec> receivers() {
        return scenario.receivers();
    }

    public List<RadarSpec> radars() {
        return scenario.radars();
    }

    /** Frames receiver {@code i} heard and the Beast octets it would have sent. */
    public FeedCounters receiverCounters(int i) {
        return receiverCounters[i];
    }

    /** Plots, blocks, rejections and ASTERIX octets of radar {@code i}. */
    public PlotCounters radarCounters(int i) {
        return radarCounters[i];
    }

    /** During a frame delivery: the receiver that heard it best (the frame is credited to it). */
    public int frameReceiver() {
        return adsb.liveReceiver();
    }

    /**
     * Runs the scenario up to {@code scenarioSeconds} after its start (in whole steps), giving due
     * frames to {@code sink} and radar blocks to the decoders.
     * @return frames delivered
     */
    public long advanceTo(double scenarioSeconds, FrameSink sink) {
        long before = adsb.liveFrames();
        adsb.live(sink, scenario.startEpochSeconds());
        try {
            while (sim.time() + Simulation.STEP_SECONDS <= scenarioSeconds) {
                // the order of SimRunner: ADS-B, then each radar, then the step
                adsb.scan(sim);
                for (RadarSensor r : radars) r.scan(sim, scenario.startEpochSeconds());
                sim.step();
            }
        } finally {
            adsb.live(null, scenario.startEpochSeconds());
        }
        return adsb.liveFrames() - before;
    }
}
