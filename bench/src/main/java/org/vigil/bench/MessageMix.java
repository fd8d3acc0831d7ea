package org.vigil.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The message set of {@link ModeSDecodeBenchmark}: frames in the proportions a ground receiver
 * near a secondary radar hears (about half DF17 extended squitter, the rest all-call, surveillance
 * and Comm-B replies and ACAS), laid one after another in one buffer as a framer would hand them
 * over. Real frames of {@code short_flights.csv} (rs1090, MIT) are used for the DF17 kinds they
 * hold; the rest is written by {@link Traffic} for a 300-aircraft picture.
 */
final class MessageMix {
    /** Kind and share in percent. TC 29 comes only from the real frames (the encoder has none). */
    private static final Object[][] SHARES = {
        {"DF17 airborne position", 20},
        {"DF17 velocity (ground)", 16},
        {"DF17 velocity (air)", 2},
        {"DF17 identification", 3},
        {"DF17 aircraft status TC28", 1},
        {"DF17 operational status TC31", 2},
        {"DF17 target state TC29 (real)", 3},
        {"DF17 surface position", 2},
        {"DF11 all-call", 15},
        {"DF4 altitude", 9},
        {"DF5 identity", 5},
        {"DF20 Comm-B altitude", 10},
        {"DF21 Comm-B identity", 6},
        {"DF0 short ACAS", 6},
    };

    private static final Traffic.Kind[] KINDS = {
        Traffic.Kind.AIRBORNE_POSITION,
        Traffic.Kind.VELOCITY,
        Traffic.Kind.AIRSPEED,
        Traffic.Kind.IDENTIFICATION,
        Traffic.Kind.AIRCRAFT_STATUS,
        Traffic.Kind.OPERATIONAL_STATUS,
        null,
        Traffic.Kind.SURFACE_POSITION,
        Traffic.Kind.ALL_CALL,
        Traffic.Kind.ALTITUDE_REPLY,
        Traffic.Kind.IDENTITY_REPLY,
        Traffic.Kind.COMM_B_ALTITUDE,
        Traffic.Kind.COMM_B_IDENTITY,
        Traffic.Kind.SHORT_ACAS,
    };
    /** ES type codes of the real frames usable for each share (by index of SHARES); 0 = none. */
    private static final int[] REAL_TC = {11, 19, 0, 4, 28, 31, 29, 7, 0, 0, 0, 0, 0, 0};

    final byte[] stream;
    final int[] offsets;
    final int[] lengths;
    /** Each frame as its own array, for decoders that want exactly one frame per array (libadsb). */
    final byte[][] frames;

    final Map<String, Integer> counts = new LinkedHashMap<>();
    int realFrames;

    MessageMix(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Traffic traffic = new Traffic(300, seed, 50.0, 8.0, 3.0);
        List<List<byte[]>> real = realFramesByShare();
        int[] realNext = new int[SHARES.length];
        // one share index per message, in proportion, then shuffled
        int[] plan = new int[n];
        int p = 0;
        for (int s = 0; s < SHARES.length; s++) {
            int k = (int) Math.round(n * (Integer) SHARES[s][1] / 100.0);
            for (int j = 0; j < k && p < n; j++) plan[p++] = s;
        }
        while (p < n) plan[p++] = 0;
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = plan[i];
            plan[i] = plan[j];
            plan[j] = t;
        }
        byte[] buf = new byte[n * 14];
        offsets = new int[n];
        lengths = new int[n];
        frames = new byte[n][];
        int off = 0;
        boolean[] odd = new boolean[traffic.size];
        for (int m = 0; m < n; m++) {
            int s = plan[m];
            List<byte[]> pool = real.get(s);
            byte[] f;
            // half of the kinds the capture holds come from it (all of TC 29)
            if (!pool.isEmpty() && (KINDS[s] == null || rnd.nextBoolean())) {
                f = pool.get(realNext[s]++ % pool.size());
                realFrames++;
            } else {
                int a = rnd.nextInt(traffic.size);
                double t = m * 0.002; // 500 messages a second
                byte[] tmp = new byte[14];
                odd[a] = !odd[a];
                int len = traffic.write(KINDS[s], a, t, odd[a], tmp, 0);
                f = java.util.Arrays.copyOf(tmp, len);
            }
            System.arraycopy(f, 0, buf, off, f.length);
            offsets[m] = off;
            lengths[m] = f.length;
            frames[m] = f.clone();
            off += f.length;
            counts.merge((String) SHARES[s][0], 1, Integer::sum);
        }
        stream = java.util.Arrays.copyOf(buf, off);
    }

    private static List<List<byte[]>> realFramesByShare() {
        List<List<byte[]>> byShare = new ArrayList<>();
        for (int s = 0; s < SHARES.length; s++) byShare.add(new ArrayList<>());
        InputStream in = MessageMix.class.getResourceAsStream("short_flights.csv");
        if (in == null) throw new IllegalStateException("short_flights.csv missing from the bench jar");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] cols = line.trim().split(",");
                if (cols.length < 2) continue;
                byte[] f = HexFormat.of().parseHex(cols[1].trim());
                int tc = (f[4] & 0xFF) >>> 3;
                for (int s = 0; s < SHARES.length; s++) {
                    if (REAL_TC[s] == tc) {
                        byShare.get(s).add(f);
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byShare;
    }

    /** Printable composition, for the benchmark log and docs/BENCHMARKS.md. */
    String describe() {
        StringBuilder b = new StringBuilder();
        counts.forEach((k, v) -> b.append(String.format("  %-32s %5d (%.1f%%)%n", k, v, 100.0 * v / offsets.length)));
        b.append(String.format("  real frames (short_flights.csv): %d of %d%n", realFrames, offsets.length));
        return b.toString();
    }

    public static void main(String[] args) {
        System.out.print(new MessageMix(8192, ModeSDecodeBenchmark.SEED).describe());
    }
}
