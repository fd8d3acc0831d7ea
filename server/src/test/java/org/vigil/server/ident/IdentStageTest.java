package org.vigil.server.ident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.Callsigns;
import org.vigil.core.flightplan.FlightPlanStore;
import org.vigil.core.flightplan.RouteExpander;
import org.vigil.core.flightplan.RoutePoints;
import org.vigil.core.ident.Cause;
import org.vigil.core.ident.EventLines;
import org.vigil.core.ident.Identity;
import org.vigil.core.ident.TrackFacts;
import org.vigil.core.track.SystemTrack;
import org.vigil.core.track.TrackListener;
import org.vigil.server.cli.Theatres;

class IdentStageTest {
    /** Records which callbacks reached the downstream listener. */
    static final class Downstream implements TrackListener {
        final List<String> calls = new ArrayList<>();

        @Override
        public void initiated(SystemTrack t, long n) {
            calls.add("initiated");
        }

        @Override
        public void confirmed(SystemTrack t, long n) {
            calls.add("confirmed");
        }

        @Override
        public void updated(SystemTrack t, long n) {
            calls.add("updated");
        }

        @Override
        public void identifiersChanged(SystemTrack t, long n) {
            calls.add("identifiers");
        }

        @Override
        public void sensorsChanged(SystemTrack t, long n) {
            calls.add("sensors");
        }

        @Override
        public void deleted(SystemTrack t, long n) {
            calls.add("deleted");
        }
    }

    static IdentStage stage(StringBuilder events, TrackListener downstream) {
        FlightPlanStore plans = new FlightPlanStore(
                new RouteExpander(RoutePoints.bundled().withWaypoints("/flightplan/waypoints.csv")));
        return new IdentStage(
                Theatres.builtIn("black-sea-2022").identificationEngine(plans, new EventLines(events)), downstream);
    }

    @Test
    void forwardsEveryCallbackAndIdentifiesConfirmedTracks() {
        Downstream down = new Downstream();
        StringBuilder events = new StringBuilder();
        IdentStage stage = stage(events, down);
        IdentTestTraffic traffic = new IdentTestTraffic(stage);
        traffic.fly(0x4BA9C1, Callsigns.pack("THY1TK"), 07700, 0, 60);

        assertThat(down.calls).startsWith("initiated").contains("confirmed", "updated");
        assertThat(stage.updates()).isPositive();
        int track = traffic.tracker.trackAt(0).trackNumber();
        stage.withEngine(e -> {
            TrackFacts f = e.track(track).facts();
            assertThat(f.squawk).isEqualTo(7700);
            assertThat(f.icaoAddress).isEqualTo(0x4BA9C1);
            assertThat(f.hasAdsb).isTrue();
            assertThat(f.hasPrimary).isFalse();
            assertThat(f.groundSpeedKt)
                    .isCloseTo(502, org.assertj.core.data.Offset.offset(10.0)); // 0.0032 deg lon a second at 43.5 N
            // the local map gives what the exact projection gives (the aircraft flies due east: 43.5 N)
            // (the track has been updated since the last identification: take it back along its line to the facts'
            // time)
            SystemTrack st = traffic.tracker.trackAt(0);
            traffic.tracker.projection().inverse(st.xAt(f.timeNanos), st.yAt(f.timeNanos));
            assertThat(f.latDeg)
                    .isCloseTo(traffic.tracker.projection().latDeg, org.assertj.core.data.Offset.offset(2e-4));
            assertThat(f.lonDeg)
                    .isCloseTo(traffic.tracker.projection().lonDeg, org.assertj.core.data.Offset.offset(2e-4));
            assertThat(f.latDeg).isCloseTo(43.5, org.assertj.core.data.Offset.offset(0.01));
            assertThat(f.trackDeg)
                    .isCloseTo(90, org.assertj.core.data.Offset.offset(1.5)); // rhumb line east, from the filter
            assertThat(stage.reanchors()).isBetween(1L, 10L); // 15 km flown: re-anchored, not converted per update
            assertThat(f.altitudeFt).isCloseTo(32_808, org.assertj.core.data.Offset.offset(50.0));
            assertThat(e.track(track).evidence(Cause.SQUAWK_7700).active()).isTrue();
            // no plan: no-flight-plan after the pending period, from the first detection
            assertThat(e.track(track).identity()).isEqualTo(Identity.UNKNOWN);
            return null;
        });
        assertThat(events.toString()).contains("\"type\":\"alert-raised\"", "\"rule\":\"squawk-7700\"");
        // data time from the tracker's events (updates are throttled to one per 5 s per track)
        assertThat(stage.now()).isBetween(IdentTestTraffic.T0 + 54_000_000_000L, IdentTestTraffic.T0 + 59_000_000_000L);
    }

    @Test
    void squawkDigitsReadTheOctalCode() {
        assertThat(IdentStage.squawkDigits(07700)).isEqualTo(7700);
        assertThat(IdentStage.squawkDigits(04521)).isEqualTo(4521);
        assertThat(IdentStage.squawkDigits(0)).isZero();
    }

    @Test
    void simulatedControllerDeclaresRadioLostFromTheTruthEvents(@TempDir Path dir) throws Exception {
        Path truth = dir.resolve("truth.jsonl");
        Files.writeString(
                truth,
                String.join(
                        "\n",
                        "{\"t\":10.000,\"epochMs\":1650445210000,\"type\":\"state\",\"flight\":\"ROT263\",\"icao\":\"4A8263\",\"lat\":43.5}",
                        "{\"t\":30.000,\"epochMs\":1650445230000,\"type\":\"event\",\"flight\":\"ROT263\",\"icao\":\"4A8263\",\"event\":\"radio-lost\",\"lat\":43.5,\"lon\":27.1,\"altFt\":30000}",
                        "{\"t\":50.000,\"epochMs\":1650445250000,\"type\":\"event\",\"flight\":\"XYZ1\",\"icao\":\"ABCDEF\",\"event\":\"radio-lost\",\"lat\":43.5,\"lon\":27.1,\"altFt\":30000}",
                        ""));
        SimulatedOperator op = SimulatedOperator.fromTruth(truth, SimulatedOperator.Mode.DECLARE_LOST);
        assertThat(op.inputs()).hasSize(2);
        StringBuilder events = new StringBuilder();
        IdentStage stage = stage(events, null);
        stage.setOperator(op);
        IdentTestTraffic traffic = new IdentTestTraffic(stage);
        traffic.fly(0x4A8263, Callsigns.pack("ROT263"), 04521, 0, 40);

        assertThat(op.applied()).isEqualTo(1);
        assertThat(events.toString())
                .contains(
                        "\"type\":\"operator-input\"",
                        "\"input\":\"radio-contact-lost\"",
                        "\"user\":\"" + SimulatedOperator.USER + "\"",
                        "\"rule\":\"radio-contact-lost\"");
        // entered at the first track event at or after the truth event (09:00:30), within one update interval
        String line = events.toString()
                .lines()
                .filter(l -> l.contains("operator-input"))
                .findFirst()
                .orElseThrow();
        assertThat(line.substring(9, 32)).isBetween("2022-04-20T09:00:30.000", "2022-04-20T09:00:35.000");
    }
}
