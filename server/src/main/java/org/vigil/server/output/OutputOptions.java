package org.vigil.server.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.vigil.server.live.LiveServer;
import org.vigil.server.output.metrics.VigilMetrics;
import org.vigil.server.output.net.StreamServer;
import org.vigil.server.output.readsb.ReadsbOutputs;
import picocli.CommandLine.Option;

/**
 * The outputs of {@code vigil run} and {@code vigil demo} (docs/INTEROP.md): each off by default,
 * each bound to the console's {@code --bind} address. They read the picture's snapshots, the event
 * stream or the decoded frames; none of them changes the picture.
 */
public final class OutputOptions {
    @Option(
            names = "--metrics",
            description = "Serve Prometheus metrics at /metrics on the console's port (public, like /api/health).")
    boolean metrics;

    @Option(
            names = "--aircraft-json",
            description =
                    "Serve readsb's aircraft.json and receiver.json at /data/ on the console's port (for tar1090).")
    boolean aircraftJson;

    @Option(
            names = "--write-json",
            paramLabel = "DIR",
            description =
                    "Write readsb's aircraft.json and receiver.json into DIR every second (as readsb --write-json).")
    Path writeJson;

    @Option(
            names = "--net-bo-port",
            paramLabel = "PORT",
            description = "Re-serve every decoded Mode S frame as Beast on PORT (readsb's 30005); 0 = off (default).")
    int beastPort;

    @Option(
            names = "--net-sbs-port",
            paramLabel = "PORT",
            description =
                    "Serve the fused picture as SBS BaseStation lines on PORT (readsb's 30003); 0 = off (default).")
    int sbsPort;

    /** Adds the enabled outputs to {@code server} (before its start; they start and stop with it). */
    public void addTo(LiveServer server, String bind) {
        try {
            VigilMetrics m = metrics ? server.addInput(new VigilMetrics(server)) : null;
            if (aircraftJson || writeJson != null || beastPort > 0 || sbsPort > 0) {
                ReadsbOutputs r = server.addInput(
                        new ReadsbOutputs(server, aircraftJson, writeJson, bind, off(beastPort), off(sbsPort)));
                if (m != null) {
                    meter(m, "beast", r.beast());
                    meter(m, "sbs", r.sbs());
                    if (writeJson != null) m.output("aircraft-json", r::jsonWrites, null, () -> 0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open an output: " + e.getMessage(), e);
        }
    }

    /** Port 0 on the command line means off. */
    private static int off(int port) {
        return port > 0 ? port : -1;
    }

    private static void meter(VigilMetrics m, String name, StreamServer s) {
        if (s != null) m.output(name, s::messages, s::clients, s::dropped);
    }
}
