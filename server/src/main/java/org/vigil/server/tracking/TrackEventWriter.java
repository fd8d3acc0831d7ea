package org.vigil.server.tracking;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.vigil.core.track.SystemTrack;
import org.vigil.core.track.TrackListener;
import org.vigil.core.track.Tracker;

/**
 * Writes the tracker's events as JSON Lines, one object a line, in the order the tracker emits
 * them (data-time order), in the envelope of docs/EVENTS.md ({@code time}, ISO-8601 UTC data time
 * with milliseconds; {@code type}; {@code track}, the system track number; then the type's keys):
 * {@code track-initiated}, {@code track-confirmed}, {@code track-updated}, {@code track-identifiers},
 * {@code track-sensors}, {@code adsb-radar-disagreement}, {@code track-deleted}. Keys per type:
 * docs/TRACKING.md "Events".
 *
 * <p>Deterministic: the same tracker input gives the same bytes (no wall clock, fixed field order,
 * numbers rounded to fixed decimals before writing). Streaming ({@link JsonGenerator}): nothing is
 * kept. "updated" is throttled per track by the tracker, so the output grows with tracks, not plots.
 *
 * <p>The writer needs the tracker for sensor names: {@link TrackingPipeline} binds it. An I/O
 * error is rethrown unchecked from the listener call (the replay then stops with the error).
 */
public final class TrackEventWriter implements TrackListener, Closeable, Flushable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final double FT = 0.3048;
    private static final double KT = 1852.0 / 3600;

    private final JsonGenerator g;
    private Tracker tracker;
    private long seq;

    public TrackEventWriter(OutputStream out) {
        try {
            g = new JsonFactory().createGenerator(out);
            g.setPrettyPrinter(new MinimalPrettyPrinter(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The tracker whose sensor names the events use: set by {@link TrackingPipeline} when this writer
     * is its listener; a wrapping listener (e.g. the identification stage) must bind it itself, else
     * sensors are written as their tracker index.
     */
    public void bind(Tracker tracker) {
        this.tracker = tracker;
    }

    /** Events written so far. */
    public long events() {
        return seq;
    }

    @Override
    public void initiated(SystemTrack t, long time) {
        write("track-initiated", t, time, State.FULL, null);
    }

    @Override
    public void confirmed(SystemTrack t, long time) {
        write("track-confirmed", t, time, State.FULL, null);
    }

    @Override
    public void updated(SystemTrack t, long time) {
        write("track-updated", t, time, State.KINEMATICS, null);
    }

    @Override
    public void identifiersChanged(SystemTrack t, long time) {
        write("track-identifiers", t, time, State.IDENTITY, null);
    }

    @Override
    public void sensorsChanged(SystemTrack t, long time) {
        write("track-sensors", t, time, State.SENSORS, null);
    }

    @Override
    public void disagreementRaised(SystemTrack t, long time) {
        write("adsb-radar-disagreement", t, time, State.DISAGREEMENT, Boolean.TRUE);
    }

    @Override
    public void disagreementCleared(SystemTrack t, long time) {
        write("adsb-radar-disagreement", t, time, State.DISAGREEMENT, Boolean.FALSE);
    }

    @Override
    public void deleted(SystemTrack t, long time) {
        write("track-deleted", t, time, State.END, null);
    }

    private enum State { FULL, KINEMATICS, IDENTITY, SENSORS, DISAGREEMENT, END }

    private void write(String type, SystemTrack t, long time, State what, Boolean active) {
        try {
            g.writeStartObject();
            g.writeStringField("time", TIME.format(Instant.ofEpochSecond(Math.floorDiv(time, 1_000_000_000L), Math.floorMod(time, 1_000_000_000L))));
            g.writeStringField("type", type);
            g.writeNumberField("track", t.trackNumber());
            switch (what) {
                case FULL -> {
                    g.writeStringField("status", t.confirmed() ? "confirmed" : "tentative");
                    kinematics(t);
                    identity(t);
                    sensors(t);
                    g.writeBooleanField("primaryOnly", t.primaryOnly());
                }
                case KINEMATICS -> {
                    kinematics(t);
                    sensors(t);
                }
                case IDENTITY -> identity(t);
                case SENSORS -> sensors(t);
                case DISAGREEMENT -> {
                    g.writeBooleanField("active", active);
                    position(t);
                    identity(t);
                    g.writeNumberField("chiSquare", round(t.lastDisagreementChiSquare(), 100));
                    sensors(t);
                }
                case END -> {
                    position(t);
                    identity(t);
                    g.writeNumberField("ageS", round(t.ageSeconds(time), 10));
                    g.writeNumberField("coastingS", round(t.coastingSeconds(time), 10));
                    g.writeNumberField("updates", t.updates());
                    g.writeBooleanField("wasConfirmed", t.confirmed());
                }
            }
            g.writeEndObject();
            g.writeRaw('\n');
            seq++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void position(SystemTrack t) throws IOException {
        g.writeNumberField("lat", round(t.latDeg(), 1e6));
        g.writeNumberField("lon", round(t.lonDeg(), 1e6));
    }

    private void kinematics(SystemTrack t) throws IOException {
        position(t);
        double alt = t.altitude();
        if (!Double.isNaN(alt)) g.writeNumberField("altitudeFt", Math.round(alt / FT));
        g.writeNumberField("speedKt", round(t.groundSpeed() / KT, 10));
        double course = tracker == null ? t.courseDeg() : SystemTrackView.trueCourse(t, tracker, t.latDeg(), t.lonDeg());
        g.writeNumberField("trackDeg", round(course, 10));
        if (!Double.isNaN(alt)) g.writeNumberField("verticalRateFpm", Math.round(t.verticalRate() / FT * 60));
        g.writeNumberField("positionSigmaM", round(t.positionSigma(), 10));
    }

    private void identity(SystemTrack t) throws IOException {
        String icao = SystemTrackView.icao(t.icao());
        if (icao != null) g.writeStringField("icao", icao);
        String cs = SystemTrackView.callsign(t.callsign());
        if (cs != null) g.writeStringField("callsign", cs);
        String sq = SystemTrackView.squawk(t.mode3A());
        if (sq != null) g.writeStringField("squawk", sq);
    }

    private void sensors(SystemTrack t) throws IOException {
        g.writeArrayFieldStart("sensors");
        long mask = t.sensorsNow();
        while (mask != 0) {
            int i = Long.numberOfTrailingZeros(mask);
            mask &= mask - 1;
            g.writeString(tracker == null ? Integer.toString(i) : tracker.sensor(i).name());
        }
        g.writeEndArray();
    }

    private static double round(double v, double scale) {
        return Double.isFinite(v) ? Math.round(v * scale) / scale : 0;
    }

    @Override
    public void flush() throws IOException {
        g.flush();
    }

    /** Flushes and closes the generator (and the stream it writes to). */
    @Override
    public void close() throws IOException {
        g.close();
    }
}
