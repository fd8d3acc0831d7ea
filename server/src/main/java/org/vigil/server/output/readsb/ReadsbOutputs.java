package org.vigil.server.output.readsb;

import io.javalin.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.codec.feed.BeastEncoder;
import org.vigil.codec.feed.FrameSink;
import org.vigil.server.auth.Role;
import org.vigil.server.live.LiveServer;
import org.vigil.server.output.net.StreamServer;
import org.vigil.server.picture.PictureSnapshot;

/**
 * readsb-compatible outputs (docs/INTEROP.md "readsb and tar1090"): {@code aircraft.json} and
 * {@code receiver.json} at {@code /data/} on the console's port and/or written to a folder every
 * second (readsb's {@code --write-json}), Beast re-serving of every decoded Mode S frame (readsb's
 * 30005) and SBS BaseStation lines of the fused picture (readsb's 30003). Each part only when asked.
 */
public final class ReadsbOutputs implements LiveServer.Input {
    /** How often the JSON files and SBS lines are refreshed, as readsb's default. */
    public static final int PERIOD_MS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(ReadsbOutputs.class);

    private final LiveServer server;
    private final Path jsonDir;
    private final StreamServer beast;
    private final StreamServer sbs;
    private final LongAdder jsonWrites = new LongAdder();
    private ScheduledExecutorService timer;

    /**
     * @param http     serve /data/aircraft.json and /data/receiver.json on the console's port (observer role)
     * @param jsonDir  folder to write aircraft.json and receiver.json into every second, or null
     * @param bind     address of the Beast and SBS listeners (the console's --bind)
     * @param beastPort Beast output port (readsb: 30005), 0 = any free one, negative = none
     * @param sbsPort  SBS output port (readsb: 30003), 0 = any free one, negative = none
     */
    public ReadsbOutputs(LiveServer server, boolean http, Path jsonDir, String bind, int beastPort, int sbsPort)
            throws IOException {
        this.server = server;
        this.jsonDir = jsonDir;
        if (jsonDir != null) Files.createDirectories(jsonDir);
        if (http) {
            server.web().routes(app -> {
                app.get(
                        "/data/aircraft.json",
                        ctx -> ctx.contentType(ContentType.APPLICATION_JSON)
                                .result(AircraftJson.write(server.picture().snapshot())),
                        Role.OBSERVER);
                app.get(
                        "/data/receiver.json",
                        ctx -> ctx.contentType(ContentType.APPLICATION_JSON)
                                .result(AircraftJson.receiver(LiveServer.VERSION, PERIOD_MS)),
                        Role.OBSERVER);
            });
        }
        beast = beastPort >= 0 ? new StreamServer("beast", bind, beastPort, null, false) : null;
        sbs = sbsPort >= 0 ? new StreamServer("sbs", bind, sbsPort, null, false) : null;
        if (beast != null) server.reserveFrames(new BeastOut(beast));
    }

    /** The Beast listener, or null. */
    public StreamServer beast() {
        return beast;
    }

    /** The SBS listener, or null. */
    public StreamServer sbs() {
        return sbs;
    }

    /** Times aircraft.json was written to the folder. */
    public long jsonWrites() {
        return jsonWrites.sum();
    }

    @Override
    public void start() {
        if (jsonDir == null && sbs == null) return;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-out-readsb");
            t.setDaemon(true);
            return t;
        });
        var unused = // tick() catches its own failures, so the schedule goes on
                timer.scheduleAtFixedRate(this::tick, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            PictureSnapshot s = server.picture().snapshot();
            if (jsonDir != null) {
                writeAtomically(jsonDir.resolve("receiver.json"), AircraftJson.receiver(LiveServer.VERSION, PERIOD_MS));
                writeAtomically(jsonDir.resolve("aircraft.json"), AircraftJson.write(s));
                jsonWrites.increment();
            }
            if (sbs != null && sbs.clients() > 0) {
                byte[] lines = SbsLines.write(s);
                sbs.send(lines, 0, lines.length);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("readsb outputs: {}", e.toString());
        }
    }

    /** Written beside, then renamed: tar1090's web server never serves half a file. */
    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() {
        if (timer != null) timer.shutdownNow();
        if (beast != null) beast.close();
        if (sbs != null) sbs.close();
    }

    /** Decoded frames to the Beast listener, encoded into one reused buffer (on the picture's thread). */
    private static final class BeastOut implements FrameSink {
        private final StreamServer out;
        private final byte[] buf = new byte[BeastEncoder.MAX_ENCODED];

        BeastOut(StreamServer out) {
            this.out = out;
        }

        @Override
        public void onFrame(byte[] frame, int off, int len, long timeNanos, long mlat12MHz, int signal) {
            if (out.clients() == 0 || (len != 2 && len != 7 && len != 14)) return;
            int n = BeastEncoder.encode(frame, off, len, mlat12MHz, signal, buf, 0);
            out.send(buf, 0, n);
        }
    }
}
