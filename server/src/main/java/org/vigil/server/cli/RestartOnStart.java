package org.vigil.server.cli;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.vigil.core.radar.RadarSite;
import org.vigil.server.live.LiveServer;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecordingManifest;
import org.vigil.server.replay.Restart;
import org.vigil.server.sim.LiveSimulation;

/**
 * The restart step of {@code vigil run} and {@code vigil demo} (docs/REPLAY.md "Restart"): when the
 * data directory already holds a recording, the picture is rebuilt from it before any feed starts,
 * so that tracks and open alerts are back and the event sequence continues; a simulated scenario
 * that is the recording's own resumes where the recording ends instead of starting over (which
 * would put the same flights in the picture twice and send data time backwards).
 */
final class RestartOnStart {
    private RestartOnStart() {}

    /**
     * @param before   the manifest the recording had before this run rewrote it
     * @param radars   this run's radar sites (used when the old manifest names none)
     * @param scenario this run's scenario name, or null
     * @return the frames and radar blocks of the scenario to skip ({@link LiveSimulation}); 0 to start it over
     */
    static long rebuild(
            LiveServer server, Recorder recorder, RecordingManifest before, List<RadarSite> radars, String scenario)
            throws IOException, SQLException {
        Restart.Result r = server.restartFromRecording(before.radars().isEmpty() ? radars : before.radars());
        if (r == null) return 0;
        System.out.printf(
                Locale.ROOT,
                "Restarted from the recording in %.1f s: %d raw inputs replayed (%s mode), "
                        + "%d events already stored, %d recovered, %d open alert(s).%n",
                r.wallSeconds(),
                r.replay() == null ? 0 : r.replay().delivered(),
                r.exact() ? "exact" : "window",
                r.storedMatched(),
                r.recovered(),
                r.openAlerts().size());
        if (scenario == null) return 0;
        if (!scenario.equals(before.scenario())) {
            System.out.println("The recording is not of scenario " + scenario + ": it starts from its beginning "
                    + "(use another --data directory for a fresh run).");
            return 0;
        }
        long skip = LiveSimulation.recordedInputs(recorder.raw());
        System.out.println(
                "Scenario " + scenario + " resumes where the recording ends (" + skip + " inputs recorded).");
        return skip;
    }
}
