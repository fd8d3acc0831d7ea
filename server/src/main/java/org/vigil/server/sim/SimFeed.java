package org.vigil.server.sim;

import java.util.ArrayList;
import java.util.List;
import org.vigil.codec.feed.FrameSink;
import org.vigil.core.sim.Scenario;
import org.vigil.core.sim.SimListener;
import org.vigil.core.sim.Simulation;

/**
 * A scenario as a live ADS-B source, for {@code vigil demo} and {@code vigil run --sim}: the caller
 * advances it with its own clock (real time, or N times real time) and it hands every frame heard
 * by at least one of the scenario's receivers to a {@link FrameSink}, time-stamped as scenario
 * start + simulated time. Frames and timing are exactly those {@code vigil sim} writes to files.
 * Not thread-safe: call {@link #advanceTo} from one thread.
 */
public final class SimFeed {
    private final Scenario scenario;
    private final Simulation sim;
    private final AdsbSensor adsb;

    public SimFeed(Scenario scenario) {
        this.scenario = scenario;
        this.sim = new Simulation(scenario);
        List<ByteOut> none = new ArrayList<>();
        for (int i = 0; i < scenario.receivers().size(); i++) none.add(null);
        this.adsb = new AdsbSensor(scenario.receivers(), none, scenario.seed());
    }

    /** The simulation, e.g. to command fighters or to read the truth. */
    public Simulation simulation() { return sim; }

    /** Receives appearances, endings and scenario events. */
    public void setListener(SimListener listener) {
        sim.setListener(listener);
    }

    /** Scenario start, seconds since the Unix epoch. */
    public long startEpochSeconds() { return scenario.startEpochSeconds(); }

    /**
     * Runs the scenario up to {@code scenarioSeconds} after its start, giving due frames to {@code sink}.
     * @return frames delivered
     */
    public long advanceTo(double scenarioSeconds, FrameSink sink) {
        long before = adsb.liveFrames();
        adsb.live(sink, scenario.startEpochSeconds());
        while (sim.time() + Simulation.STEP_SECONDS <= scenarioSeconds) {
            adsb.scan(sim);
            sim.step();
        }
        adsb.live(null, scenario.startEpochSeconds());
        return adsb.liveFrames() - before;
    }
}
