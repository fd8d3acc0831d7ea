package org.vigil.server.picture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.core.event.InterferenceEvent;
import org.vigil.core.event.VigilEvent;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;
import org.vigil.core.gnss.GnssRules;
import org.vigil.core.gnss.InterferenceEstimator;
import org.vigil.core.sim.GnssArea;
import org.vigil.core.sim.Scenario;
import org.vigil.server.pipeline.ModeSPipeline;
import org.vigil.server.sim.ScenarioLoader;
import org.vigil.server.sim.SimFeed;

/**
 * A simulated jammer is found, with its extent, and closed after it stops; clean traffic opens
 * nothing (issue 21, "Tests that must pass"). Simulator bytes, decoder, CPR and estimator as live.
 */
class GnssInterferenceSimTest {
    static final long S = 1_000_000_000L;

    static Scenario scenario(String name) throws Exception {
        try (InputStream in = GnssInterferenceSimTest.class.getResourceAsStream("/gnss/" + name)) {
            return ScenarioLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        }
    }

    /** The scenario's ADS-B through the Mode S pipeline into a GNSS picture. */
    static final class Run {
        final List<VigilEvent> events = new ArrayList<>();
        final ModeSPipeline modeS = new ModeSPipeline();
        final GnssPicture gnss = new GnssPicture(GnssRules.defaults(), events::add, 0);
        final SimFeed feed;
        final long start;

        Run(Scenario sc) {
            feed = new SimFeed(sc);
            start = sc.startEpochSeconds() * S;
            modeS.setDecodedListener(gnss::onDecoded);
        }

        void to(double seconds) {
            feed.advanceTo(seconds, (buf, off, len, nanos, mlat, signal) -> modeS.accept(buf, off, len, nanos, signal));
            gnss.tick(start + (long) (seconds * S));
        }
    }

    @Test
    void aJammerIsFoundWithinTwoMinutesWithItsExtentAndClosedWithinFiveAfterItStops() throws Exception {
        Scenario sc = scenario("jamming.yaml");
        GnssArea jammer = sc.gnssAreas().get(0);
        Run run = new Run(sc);
        double on = jammer.fromSeconds(), off = jammer.toSeconds();
        run.to(on);
        assertThat(run.events).as("nothing before the jammer starts").isEmpty();
        for (double t = on + 1; t <= on + 120; t += 1) run.to(t);
        List<InterferenceEvent.Opened> opened = new ArrayList<>();
        for (VigilEvent e : run.events) if (e instanceof InterferenceEvent.Opened o) opened.add(o);
        assertThat(opened).as("an area opened within 2 minutes").isNotEmpty();
        assertThat(opened.get(0).kind()).isEqualTo("jamming");

        // extent at 2 minutes: cells wholly inside (centre within radius less half a cell diagonal)
        // and wholly outside (beyond radius plus half a diagonal), among cells with aircraft
        double halfDiagonalNm = GnssRules.defaults().cellKm() * Math.sqrt(2) / 2 / 1.852;
        int inside = 0, insideOpen = 0, outside = 0, outsideOpen = 0;
        for (InterferenceEstimator.Cell c : run.gnss.estimator().cells()) {
            if (c.aircraft() < GnssRules.defaults().minAircraft()) continue;
            double d = Sphere.distanceM(jammer.lat(), jammer.lon(), c.lat(), c.lon()) / Units.NM;
            if (d <= jammer.radiusNm() - halfDiagonalNm) {
                inside++;
                if (c.open()) insideOpen++;
            } else if (d >= jammer.radiusNm() + halfDiagonalNm) {
                outside++;
                if (c.open()) outsideOpen++;
            }
        }
        System.out.printf(
                "jamming at +2 min: inside %d/%d open, outside %d/%d open, events %s%n",
                insideOpen, inside, outsideOpen, outside, run.events);
        assertThat(inside).as("cells inside with aircraft to judge").isGreaterThanOrEqualTo(5);
        assertThat(outside).as("cells outside with aircraft to judge").isGreaterThanOrEqualTo(20);
        assertThat(insideOpen).isGreaterThanOrEqualTo((int) Math.ceil(0.8 * inside));
        assertThat(outsideOpen).isLessThanOrEqualTo((int) Math.floor(0.05 * outside));

        // what the gnss-interference rule is told of a track: the area at the jammer, nothing far outside
        org.vigil.core.ident.TrackFacts facts = new org.vigil.core.ident.TrackFacts();
        InterferenceEstimator.Cell openCell = run.gnss.estimator().cells().stream()
                .filter(InterferenceEstimator.Cell::open)
                .findFirst()
                .orElseThrow();
        facts.latDeg = openCell.lat();
        facts.lonDeg = openCell.lon();
        run.gnss.describe(facts);
        assertThat(facts.interferenceArea).isEqualTo(openCell.area()).isPositive();
        assertThat(facts.interferenceShare)
                .isGreaterThanOrEqualTo(GnssRules.defaults().closeShare());
        facts.reset();
        facts.latDeg = jammer.lat() + 2 * jammer.radiusNm() / 60;
        facts.lonDeg = jammer.lon();
        run.gnss.describe(facts);
        assertThat(facts.interferenceArea).isZero();

        // one jammed aircraft's integrity, as the details panel reads it
        GnssPicture.View atTwoMinutes = run.gnss.publish();
        String jammed = atTwoMinutes.aircraft().entrySet().stream()
                .filter(e -> run.gnss.estimator().areaOfAircraft(Integer.parseInt(e.getKey(), 16)) > 0)
                .map(java.util.Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
        java.util.Map<String, Object> integrity = run.gnss.integrity(Integer.parseInt(jammed, 16));
        assertThat(integrity).containsEntry("icao", jammed).containsEntry("in_area", true);
        assertThat(integrity.get("status")).isIn("degraded", "position-lost");
        assertThat(integrity).containsKey("area");
        assertThat(integrity.containsKey("nic") || integrity.containsKey("nac_p"))
                .isTrue();

        for (double t = on + 121; t <= off + 300; t += 1) {
            run.to(t);
            if ((long) t % 60 == 0) run.gnss.publish(); // the time slider's history: one picture a minute
        }
        // the history: one picture per minute, in order; the jammed minutes show the area, the last none
        List<GnssPicture.View> history = run.gnss.history();
        assertThat(history.size()).isGreaterThanOrEqualTo((int) ((off + 300 - on - 120) / 60) - 1);
        for (int i = 1; i < history.size(); i++)
            assertThat(history.get(i).timeNanos() / (60 * S))
                    .isGreaterThan(history.get(i - 1).timeNanos() / (60 * S));
        assertThat(history.get(0).cells()).anyMatch(InterferenceEstimator.Cell::open);
        assertThat(history.get(0).cells()).allMatch(c -> c.open() || c.affected() > 0);
        assertThat(history.get(history.size() - 1).cells()).noneMatch(InterferenceEstimator.Cell::open);
        GnssPicture.View second = history.get(1);
        assertThat(run.gnss.historyAt(second.timeNanos() + 30 * S)).isSameAs(second);
        assertThat(run.gnss.historyAt(Long.MIN_VALUE + 1)).isSameAs(history.get(0));
        assertThat(run.gnss.estimator().openAreas())
                .as("closed within 5 minutes of the end")
                .isZero();
        long lastClosed = Long.MIN_VALUE;
        for (VigilEvent e : run.events) {
            if (e instanceof InterferenceEvent.Closed c) lastClosed = Math.max(lastClosed, c.time());
            if (e instanceof InterferenceEvent.Opened o) assertThat(o.time()).isLessThan(run.start + (long) (off * S));
        }
        assertThat(lastClosed).isGreaterThanOrEqualTo(run.start + (long) (off * S));
        System.out.printf("last area closed %.0f s after the jammer stopped%n", (lastClosed - run.start) / 1e9 - off);
    }

    @Test
    void cleanTrafficOpensNoArea() throws Exception {
        Scenario sc = scenario("clean.yaml");
        Run run = new Run(sc);
        double hours = Double.parseDouble(System.getProperty("vigil.gnss.cleanHours", "2"));
        for (double t = 1; t <= hours * 3600; t += 1) run.to(t);
        System.out.printf(
                "clean %.0f h: %d messages, %d aircraft now, events %s%n",
                hours, run.gnss.estimator().messages(), run.gnss.estimator().aircraft(), run.events);
        assertThat(run.gnss.estimator().messages()).isGreaterThan((long) (hours * 3600 * 100));
        assertThat(run.events).isEmpty();
    }

    @Test
    void tenAircraftSpoofedToOnePointAreFoundWithinAMinuteAndKeepTheirRadarTracks() throws Exception {
        Scenario sc = scenario("spoofing.yaml");
        GnssArea spoofer = sc.gnssAreas().get(0);
        List<VigilEvent> events = new ArrayList<>();
        Picture picture = Picture.builder(null).events(events::add).build();
        SimFeed feed = new SimFeed(sc, picture.radarSink());
        long start = sc.startEpochSeconds() * S;
        double on = spoofer.fromSeconds();
        double detected = Double.NaN;
        for (double t = 1; t <= on + 90; t += 1) {
            feed.advanceTo(
                    t, (buf, off, len, nanos, mlat, signal) -> picture.acceptFrame(-1, buf, off, len, nanos, signal));
            picture.housekeeping();
            if (Double.isNaN(detected) && events.stream().anyMatch(e -> e instanceof InterferenceEvent.Opened))
                detected = t;
        }
        InterferenceEvent.Opened first = null;
        for (VigilEvent e : events) {
            if (e instanceof InterferenceEvent.Opened o && first == null) first = o;
        }
        System.out.printf(
                "spoofing: opened %s at +%.0f s; %d ADS-B positions kept from the tracker%n",
                first, detected - on, picture.tracking().adsbDistrusted());
        assertThat(first).as("an area opened").isNotNull();
        assertThat(first.time()).isLessThanOrEqualTo(start + (long) ((on + 60) * S));
        assertThat(first.kind()).isEqualTo("spoofing");
        assertThat(Sphere.distanceM(first.lat(), first.lon(), spoofer.lat(), spoofer.lon()) / Units.NM)
                .as("placed where the aircraft are, not at the false point")
                .isLessThan(spoofer.radiusNm());
        InterferenceEstimator est = picture.gnss().estimator();
        List<org.vigil.server.tracking.SystemTrackView> tracks =
                picture.tracking().views(true);
        for (org.vigil.core.sim.Flight f : feed.simulation().flights()) {
            String icao = String.format("%06X", f.spec.icao());
            assertThat(est.statusOf(f.spec.icao())).as(icao + " flagged").isEqualTo(InterferenceEstimator.SPOOFED);
            org.vigil.server.tracking.SystemTrackView track = tracks.stream()
                    .filter(v -> icao.equals(v.icao()))
                    .findFirst()
                    .orElse(null);
            assertThat(track).as(icao + " has a confirmed track").isNotNull();
            double offNm = Sphere.distanceM(track.lat(), track.lon(), f.lat, f.lon) / Units.NM;
            assertThat(offNm)
                    .as(icao + " track on the aircraft (radar), not at the false point")
                    .isLessThan(3);
        }
        assertThat(picture.tracking().adsbDistrusted()).isPositive();
        // and each one's track is marked in the published picture (/api/tracks): spoofed, in the area
        List<org.vigil.server.tracking.SystemTrackView> published =
                picture.publish().tracks();
        int spoofArea = first.area();
        for (org.vigil.core.sim.Flight f : feed.simulation().flights()) {
            String icao = String.format("%06X", f.spec.icao());
            assertThat(published)
                    .filteredOn(v -> icao.equals(v.icao()))
                    .singleElement()
                    .satisfies(v -> {
                        assertThat(v.gnss()).isEqualTo("spoofed");
                        assertThat(v.interferenceArea()).isEqualTo(spoofArea);
                    });
        }
    }
}
