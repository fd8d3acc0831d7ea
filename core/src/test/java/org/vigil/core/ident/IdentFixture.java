package org.vigil.core.ident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.core.Callsigns;

/** Scripted tracks, fake plan and airspace lookups and an event recorder for the identification tests. */
final class IdentFixture {
    static final long T0 = Instant.parse("2022-04-20T09:00:00Z").getEpochSecond() * 1_000_000_000L;

    static long at(double seconds) {
        return T0 + Math.round(seconds * 1e9);
    }

    /** Plans by packed callsign: what the correlator would say. */
    static final class FakePlans implements PlanLookup {
        record Plan(String id, boolean stateFlight, int filedSquawk, double crossTrackNm) {}

        final Map<Long, Plan> byCallsign = new HashMap<>();
        final Map<Long, String> unknownRoutes = new HashMap<>();
        int calls;

        FakePlans add(String callsign, boolean stateFlight, int filedSquawk) {
            byCallsign.put(Callsigns.pack(callsign), new Plan(callsign, stateFlight, filedSquawk, 0.5));
            return this;
        }

        void deviate(String callsign, double xtk) {
            Plan p = byCallsign.get(Callsigns.pack(callsign));
            byCallsign.put(Callsigns.pack(callsign), new Plan(p.id, p.stateFlight, p.filedSquawk, xtk));
        }

        /** The plan's route names elements that could not be expanded. */
        void unknownRoute(String callsign, String unresolved) {
            unknownRoutes.put(Callsigns.pack(callsign), unresolved);
        }

        @Override
        public void correlate(TrackFacts f, PlanMatch out) {
            calls++;
            Plan p = f.callsign == 0 ? null : byCallsign.get(f.callsign);
            out.clear();
            if (p == null) {
                out.score = 0;
                return;
            }
            out.correlated = true;
            out.planRef = p;
            out.aircraftId = p.id;
            out.stateFlight = p.stateFlight;
            out.filedSquawk = p.filedSquawk;
            out.score = 105;
            out.crossTrackNm = p.crossTrackNm;
            out.routeUnknown = unknownRoutes.get(f.callsign);
            out.routePoints = 2;
        }
    }

    /**
     * Protected NATO airspace of state "BG" = everything west of {@link #borderLon}; a westbound track
     * enters after its eastward distance to the border at its ground speed (flat, good enough for rules).
     */
    static final class FakeAirspace implements AirspaceLookup {
        double borderLon = 28.0;
        int calls;

        @Override
        public void assess(
                double lat,
                double lon,
                double alt,
                double trk,
                double gs,
                long t,
                double horizon,
                AirspaceSituation out) {
            calls++;
            out.clear();
            out.assessed = true;
            if (lon < borderLon) {
                out.inside = true;
                out.secondsToEntry = 0;
                out.entryLatDeg = lat;
                out.entryLonDeg = lon;
                out.state = "BG";
                return;
            }
            double westKt = -gs * Math.sin(Math.toRadians(trk));
            if (!(westKt > 0)) return;
            double nm = (lon - borderLon) * 60 * Math.cos(Math.toRadians(lat));
            double s = nm / westKt * 3600;
            if (s > horizon) return;
            out.entering = true;
            out.secondsToEntry = s;
            out.entryLatDeg = lat;
            out.entryLonDeg = borderLon;
            out.state = "BG";
        }
    }

    /** Compact one-line record of every event ("alert-raised 7 squawk-7500 P1"), plus the JSON lines. */
    static final class Recorder implements IdentEventListener {
        final List<String> events = new ArrayList<>();
        final StringBuilder json = new StringBuilder();
        final EventLines lines = new EventLines(json);
        final List<Alert> raised = new ArrayList<>();

        @Override
        public void trackStarted(long t, TrackIdentity k) {
            events.add("track-started " + k.trackNumber());
            lines.trackStarted(t, k);
        }

        @Override
        public void trackDeleted(long t, TrackIdentity k) {
            events.add("track-deleted " + k.trackNumber());
            lines.trackDeleted(t, k);
        }

        @Override
        public void ruleFired(long t, TrackIdentity k, Evidence e) {
            events.add("rule-fired " + k.trackNumber() + " " + e.cause.id);
            lines.ruleFired(t, k, e);
        }

        @Override
        public void ruleCleared(long t, TrackIdentity k, Evidence e) {
            events.add("rule-cleared " + k.trackNumber() + " " + e.cause.id);
            lines.ruleCleared(t, k, e);
        }

        @Override
        public void identityChanged(long t, TrackIdentity k, Identity from, Identity to) {
            events.add("identity " + k.trackNumber() + " " + from.id() + "->" + to.id());
            lines.identityChanged(t, k, from, to);
        }

        @Override
        public void alert(long t, Alert a, AlertEvent what) {
            events.add("alert-" + what.id() + " " + a.trackNumber + " " + a.cause.id + " P" + a.priority);
            if (what == AlertEvent.RAISED) raised.add(a);
            lines.alert(t, a, what);
        }

        @Override
        public void override(long t, TrackIdentity k, Identity id, String user, String reason) {
            events.add("override " + k.trackNumber() + " " + (id == null ? "cleared" : id.id()) + " by " + user);
            lines.override(t, k, id, user, reason);
        }

        @Override
        public void operatorInput(long t, TrackIdentity k, String input, boolean on, long since, String user) {
            events.add("input " + k.trackNumber() + " " + input + " " + on);
            lines.operatorInput(t, k, input, on, since, user);
        }

        List<String> alertsRaised() {
            return events.stream().filter(e -> e.startsWith("alert-raised")).toList();
        }

        void clear() {
            events.clear();
            raised.clear();
        }
    }

    /** An ordinary airliner over Bulgaria: Mode S + ADS-B, callsign, squawk, eastbound at FL350. */
    static TrackFacts civil(int track, String callsign, int address, int squawk, double seconds) {
        TrackFacts f = new TrackFacts();
        f.trackNumber = track;
        f.timeNanos = at(seconds);
        f.latDeg = 42.6;
        f.lonDeg = 25.0 + seconds * 450 / 3600.0 / 60 / Math.cos(Math.toRadians(42.6));
        f.altitudeFt = 35000;
        f.groundSpeedKt = 450;
        f.trackDeg = 90;
        f.verticalRateFpm = 0;
        f.icaoAddress = address;
        f.callsign = Callsigns.pack(callsign);
        f.squawk = squawk;
        f.emergencyState = 0;
        f.hasAdsb = true;
        f.hasSsr = true;
        f.hasPrimary = true;
        return f;
    }

    /** A primary-only track over the sea east of the fake border, flying on {@code trackDeg} at {@code gs}. */
    static TrackFacts primary(int track, double lat, double lon, double trackDeg, double gs, double seconds) {
        TrackFacts f = new TrackFacts();
        f.trackNumber = track;
        f.timeNanos = at(seconds);
        f.latDeg = lat;
        f.lonDeg = lon;
        f.groundSpeedKt = gs;
        f.trackDeg = trackDeg;
        f.hasPrimary = true;
        return f;
    }

    /** Moves a track along its track and speed to data time {@code seconds}, from where it was at {@code fromSeconds}. */
    static void fly(TrackFacts f, double fromSeconds, double seconds) {
        double nm = f.groundSpeedKt * (seconds - fromSeconds) / 3600;
        f.latDeg += nm / 60 * Math.cos(Math.toRadians(f.trackDeg));
        f.lonDeg += nm / 60 * Math.sin(Math.toRadians(f.trackDeg)) / Math.cos(Math.toRadians(f.latDeg));
        f.timeNanos = at(seconds);
    }

    private IdentFixture() {}
}
