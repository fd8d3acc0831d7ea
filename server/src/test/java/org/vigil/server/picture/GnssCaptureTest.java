package org.vigil.server.picture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.vigil.codec.modes.CprResolver;
import org.vigil.codec.modes.Crc24;
import org.vigil.codec.modes.ModeSDecoder;
import org.vigil.codec.modes.ModeSMessage;
import org.vigil.core.gnss.EqualAreaGrid;
import org.vigil.core.gnss.GnssRules;
import org.vigil.core.gnss.InterferenceEstimator;
import org.vigil.server.pipeline.ModeSPipeline;

/**
 * A real capture with degraded integrity gives the cells an independent count gives (issue 21).
 * The capture: the real DF17 frames of 9 aircraft over 60 s in test resource modes/short_flights.csv
 * (rs1090, MIT; modes/SOURCES.md), with the airborne position frames of three of the aircraft
 * re-typed from TC 11 (NIC 8) to TC 16 (NIC 3 or 2) and their parity recomputed, as a jammed
 * receiver's would be. The shared vectors' own NIC/NACp values are all good (TC 11/12, NACp 8-10),
 * so they cannot supply degraded ones. The independent count decodes the frames itself and bins
 * each aircraft's last position.
 */
class GnssCaptureTest {
    @Test
    void cellsOfTheEstimatorEqualAnIndependentCountOfTheCapture() throws Exception {
        List<Long> times = new ArrayList<>();
        List<byte[]> frames = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                GnssCaptureTest.class.getResourceAsStream("/modes/short_flights.csv"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split(",");
                times.add(Math.round(Double.parseDouble(f[0]) * 1e9));
                frames.add(HexFormat.of().parseHex(f[1]));
            }
        }
        // the three lowest addresses with airborne positions are the degraded ones
        TreeSet<Integer> airborne = new TreeSet<>();
        ModeSMessage m = new ModeSMessage();
        for (int i = 0; i < frames.size(); i++) {
            byte[] b = frames.get(i);
            if (ModeSDecoder.decode(b, 0, b.length, times.get(i), m) && m.tc >= 9 && m.tc <= 18) airborne.add(m.icao);
        }
        assertThat(airborne).hasSizeGreaterThanOrEqualTo(6);
        List<Integer> degraded = new ArrayList<>(airborne).subList(0, 3);
        for (int i = 0; i < frames.size(); i++) {
            byte[] b = frames.get(i);
            if (!ModeSDecoder.decode(b, 0, b.length, times.get(i), m) || !degraded.contains(m.icao)) continue;
            if (m.tc < 9 || m.tc > 18) continue;
            b[4] = (byte) (16 << 3 | (b[4] & 7));
            int parity = Crc24.remainder(b, 0, 11); // the data part: the parity of a DF17 is its CRC
            b[11] = (byte) (parity >>> 16);
            b[12] = (byte) (parity >>> 8);
            b[13] = (byte) parity;
            assertThat(ModeSDecoder.decode(b, 0, b.length, times.get(i), m)).isTrue();
            assertThat(m.crcOk).isTrue();
            assertThat(m.nic).isLessThan(7);
        }

        // the estimator, as the picture feeds it; cells large enough to hold several of the aircraft
        GnssRules rules = GnssRules.fromMap(Map.of("cellKm", 200, "minAircraft", 1, "minAffected", 1));
        ModeSPipeline modeS = new ModeSPipeline();
        GnssPicture gnss = new GnssPicture(rules, null, 0);
        modeS.setDecodedListener(gnss::onDecoded);
        long last = Long.MIN_VALUE;
        for (int i = 0; i < frames.size(); i++) {
            byte[] b = frames.get(i);
            modeS.accept(b, 0, b.length, times.get(i), 0);
            last = Math.max(last, times.get(i));
        }
        InterferenceEstimator est = gnss.estimator();
        est.update(last);
        Map<Integer, int[]> estimated = new TreeMap<>();
        for (InterferenceEstimator.Cell c : est.cells())
            if (c.aircraft() > 0) estimated.put(c.id(), new int[] {c.aircraft(), c.affected()});

        // the independent count: own decoder and CPR, last position per aircraft, NIC from the type code
        CprResolver cpr = new CprResolver();
        Map<Integer, double[]> lastPosition = new TreeMap<>();
        Map<Integer, Boolean> lowNic = new TreeMap<>();
        ModeSMessage n = new ModeSMessage();
        for (int i = 0; i < frames.size(); i++) {
            byte[] b = frames.get(i);
            if (!ModeSDecoder.decode(b, 0, b.length, times.get(i), n)) continue;
            cpr.resolve(n);
            if (n.tc < 9 || n.tc > 18 || !n.hasPosition()) continue;
            lastPosition.put(n.icao, new double[] {n.lat, n.lon});
            if (n.tc >= 13) lowNic.put(n.icao, true); // TC 13 and above: NIC 6 or less
        }
        EqualAreaGrid grid = new EqualAreaGrid(rules.cellKm());
        Map<Integer, int[]> counted = new TreeMap<>();
        for (Map.Entry<Integer, double[]> e : lastPosition.entrySet()) {
            int cell = grid.cellOf(e.getValue()[0], e.getValue()[1]);
            int[] c = counted.computeIfAbsent(cell, k -> new int[2]);
            c[0]++;
            if (lowNic.getOrDefault(e.getKey(), false)) c[1]++;
        }
        assertThat(counted.values().stream().mapToInt(c -> c[1]).sum()).isEqualTo(3);
        assertThat(estimated.keySet()).isEqualTo(counted.keySet());
        for (int cell : counted.keySet()) {
            assertThat(estimated.get(cell))
                    .as("cell " + cell + " aircraft, affected")
                    .containsExactly(counted.get(cell));
        }
        for (int a : degraded) assertThat(est.statusOf(a)).isEqualTo(InterferenceEstimator.DEGRADED);
    }
}
