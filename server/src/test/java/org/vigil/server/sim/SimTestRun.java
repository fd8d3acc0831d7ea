package org.vigil.server.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.codec.feed.BeastFramer;
import org.vigil.codec.feed.FeedCounters;
import org.vigil.codec.modes.ModeSDecoder;
import org.vigil.codec.modes.ModeSMessage;
import org.vigil.core.sim.Scenario;

/** One shared run of the built-in scenario for the output tests, and readers for its files. */
final class SimTestRun {
    static final double MINUTES = 9;
    private static Path dir;

    static synchronized Path blackSea() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("vigil-sim-test");
                Scenario sc = ScenarioLoader.load("black-sea-2022");
                SimRunner.run(sc, dir, MINUTES * 60, null);
            } catch (IOException | ScenarioException e) {
                throw new IllegalStateException(e);
            }
        }
        return dir;
    }

    /** A truth state sample. */
    record State(double t, double lat, double lon, double altFt) {}

    /** Truth states per ICAO address (hex), in time order. */
    static Map<String, List<State>> truth(Path dir) {
        Map<String, List<State>> m = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (String line : Files.readAllLines(dir.resolve(SimRunner.TRUTH))) {
                JsonNode n = json.readTree(line);
                if (!n.get("type").asText().equals("state")) continue;
                m.computeIfAbsent(n.get("icao").asText(), k -> new ArrayList<>())
                        .add(new State(
                                n.get("t").asDouble(),
                                n.get("lat").asDouble(),
                                n.get("lon").asDouble(),
                                n.get("altFt").asDouble()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /** Truth linearly interpolated at t; null outside the samples. */
    static State at(List<State> states, double t) {
        if (states == null) return null;
        for (int i = 1; i < states.size(); i++) {
            State a = states.get(i - 1), b = states.get(i);
            if (a.t() <= t && t <= b.t()) {
                double w = (t - a.t()) / (b.t() - a.t());
                return new State(
                        t,
                        a.lat() + w * (b.lat() - a.lat()),
                        a.lon() + w * (b.lon() - a.lon()),
                        a.altFt() + w * (b.altFt() - a.altFt()));
            }
        }
        return null;
    }

    /** Decoded copy of a frame with its time (seconds since start). */
    record Frame(double t, ModeSMessage m) {}

    /** Every frame of a Beast file, decoded (CRC-checked) with the time from its 12 MHz clock. */
    static List<Frame> beast(Path file) {
        List<Frame> out = new ArrayList<>();
        BeastFramer framer = new BeastFramer(new FeedCounters(), (buf, off, len, timeNanos, mlat, signal) -> {
            ModeSMessage m = new ModeSMessage();
            double t = mlat / 12e6;
            ModeSDecoder.decode(buf, off, len, Math.round(t * 1e9), m);
            out.add(new Frame(t, m));
        });
        try {
            byte[] b = Files.readAllBytes(file);
            framer.accept(b, 0, b.length, 0);
            framer.endOfStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Local flat-earth distance in metres (accurate for points a few km apart). */
    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dn = Math.toRadians(lat2 - lat1) * 6_371_000;
        double de = Math.toRadians(lon2 - lon1) * 6_371_000 * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        return Math.hypot(dn, de);
    }
}
