package org.vigil.server.radar;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.vigil.codec.asterix.AsterixRecord;
import org.vigil.codec.asterix.Cat021Record;
import org.vigil.codec.asterix.Cat062Record;
import org.vigil.codec.asterix.CategorySpec;
import org.vigil.codec.asterix.FieldRef;
import org.vigil.codec.asterix.RecordHandler;
import org.vigil.codec.asterix.TypedRecord;
import org.vigil.codec.asterix.plots.RadarPlotDecoder;
import org.vigil.codec.modes.ModeSMessage;
import org.vigil.core.geo.Units;
import org.vigil.core.radar.TimeOfDay;
import org.vigil.core.track.Detection;
import org.vigil.core.track.SensorKind;

/**
 * The ASTERIX categories that are not radar plots, routed into the fused picture (the radar
 * decoder hands them here, {@link RadarPlotDecoder#otherCategories}):
 *
 * <ul>
 *   <li><b>CAT021</b> (an ADS-B ground station's report of what the aircraft broadcast): a Mode S
 *       message decoded elsewhere, as an SBS line is (ICAO address, position, flight level, ground
 *       vector, callsign, Mode 3/A, NIC and NACp from I021/090), to {@link ReportSink#onAdsbReport}:
 *       the aircraft list and the tracker's one ADS-B sensor take it like any ADS-B position. Time:
 *       the time of applicability of the position (I021/071), else of its reception (I021/073), else
 *       of the report (I021/077). Reports with a non-ICAO address (I021/040 ATP ≠ 0) are refused.</li>
 *   <li><b>CAT062</b> (a system track of another tracker, e.g. an air navigation service provider's
 *       SDPS): a position measurement with the accuracy the other tracker states (I062/500 APC,
 *       else APW, else {@link #DEFAULT_SYSTEM_TRACK_SIGMA_METRES}), its Mode S address, Mode 3/A,
 *       callsign and measured flight level, to {@link ReportSink#onSystemTrack}, one tracker sensor
 *       per SDPS (SAC/SIC). Tentative tracks (CNF) and track-end messages (TSE) are not used: a
 *       track the other system does not trust yet, or no longer holds, is no measurement. Only
 *       WGS-84 positions (I062/105) are read; a Cartesian-only update (I062/100, in the SDPS's own
 *       plane) is refused. How these updates are kept from counting twice: TrackingPipeline.</li>
 * </ul>
 *
 * <p>Test and simulated targets (I021/040 TST/SIM, I062/080 SIM) are refused; other categories are
 * counted. Every refusal is counted by reason ({@link #rejectsByReason()}). Allocation-free per
 * record (one reused message and detection; a view is made once per specification edition).
 * Not thread-safe: one per feed, called under the feed's decoding lock.
 */
public final class SurveillanceReports implements RecordHandler {
    /** Tracker sensor ids of system-track sources: this + (SAC << 8 | SIC), beside ADS-B's 0x1_0000. */
    public static final int SYSTEM_TRACK_SENSOR_BASE = 0x2_0000;
    /** Accuracy assumed for a system track that states none: a typical en-route SDPS's, one sigma. */
    public static final double DEFAULT_SYSTEM_TRACK_SIGMA_METRES = 150;
    /** A stated accuracy is floored here: no tracker output is better than its best sensor. */
    static final double MIN_SIGMA_METRES = 10;

    /** Why a record was not used. */
    public enum Reason {
        NO_ADDRESS,
        NOT_ICAO_ADDRESS,
        NO_TIME,
        NO_POSITION,
        TEST_OR_SIMULATED,
        TENTATIVE_TRACK,
        TRACK_ENDED,
        OTHER_CATEGORY,
        SINK_ERROR;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final RadarPlotDecoder decoder;
    private final ReportSink sink;
    private final ModeSMessage message = new ModeSMessage();
    private final Detection update = new Detection();
    private final long[] rejects = new long[Reason.values().length];
    private long adsbReports, systemTracks;
    private CategorySpec spec21, spec62;
    private Cat021Record v21;
    private Cat062Record v62;
    private FieldRef nacp, nic, apcX, apcY, apwLat, apwLon;

    /**
     * @param decoder the radar decoder whose blocks these records come from (for its reference time)
     * @param sink    where the reports go
     */
    public SurveillanceReports(RadarPlotDecoder decoder, ReportSink sink) {
        this.decoder = decoder;
        this.sink = sink;
    }

    /** Routes a radar decoder's other categories to {@code sink}; returns the router (for its counters). */
    public static SurveillanceReports attach(RadarPlotDecoder decoder, ReportSink sink) {
        SurveillanceReports r = new SurveillanceReports(decoder, sink);
        decoder.otherCategories(r);
        return r;
    }

    @Override
    public void record(AsterixRecord r) {
        switch (r.category()) {
            case 21 -> adsb(r);
            case 62 -> systemTrack(r);
            default -> reject(Reason.OTHER_CATEGORY);
        }
    }

    private void adsb(AsterixRecord r) {
        if (r.spec() != spec21) {
            spec21 = r.spec();
            v21 = new Cat021Record(spec21);
            nacp = optional(spec21, "090", "NACP");
            nic = optional(spec21, "090", "NUCPNIC");
        }
        Cat021Record v = v21.wrap(r);
        if (v.sim() == 1 || v.tst() == 1) {
            reject(Reason.TEST_OR_SIMULATED);
            return;
        }
        int address = v.address();
        if (address == TypedRecord.ABSENT) {
            reject(Reason.NO_ADDRESS);
            return;
        }
        int atp = v.addressType();
        if (atp != TypedRecord.ABSENT && atp != 0) {
            reject(Reason.NOT_ICAO_ADDRESS);
            return;
        }
        double tod = v.timeOfApplicabilityPositionSeconds();
        if (Double.isNaN(tod)) tod = v.timeOfReceptionPositionSeconds();
        if (Double.isNaN(tod)) tod = v.timeOfReportSeconds();
        long t = Double.isNaN(tod) ? TimeOfDay.UNKNOWN : TimeOfDay.resolve(tod, decoder.referenceNanos());
        if (t == TimeOfDay.UNKNOWN) {
            reject(Reason.NO_TIME);
            return;
        }
        ModeSMessage m = message.reset();
        m.timeNanos = t;
        m.icao = address;
        m.crcOk = true; // a ground station reports only messages that passed its CRC
        double lat = v.latitudeDeg(), lon = v.longitudeDeg();
        if (!Double.isNaN(lat) && !Double.isNaN(lon)) {
            m.lat = lat;
            m.lon = lon;
        }
        m.surface = v.groundBit() == 1;
        double fl = v.flightLevel();
        if (!Double.isNaN(fl)) m.altitudeFt = (int) Math.round(fl * 100);
        double gs = v.groundSpeedMps(), ta = v.trackAngleDeg();
        if (!Double.isNaN(gs) && !Double.isNaN(ta)) {
            m.groundspeedKt = gs / Units.KT;
            m.trackDeg = ta;
        }
        double vr = v.barometricVerticalRateMps();
        if (!Double.isNaN(vr)) m.verticalRateFpm = (int) Math.round(vr / Units.FT_PER_MIN);
        if (v.callsign() != 0) m.callsign = v.callsign();
        int code = v.mode3A();
        if (code != TypedRecord.ABSENT) m.squawk = squawkOf(code);
        if (nacp != null && nacp.present(r)) m.nacP = (int) nacp.raw(r, ModeSMessage.ABSENT);
        if (nic != null && nic.present(r)) m.nic = (int) nic.raw(r, ModeSMessage.ABSENT);
        adsbReports++;
        try {
            sink.onAdsbReport(m);
        } catch (RuntimeException e) {
            reject(Reason.SINK_ERROR); // a consumer bug must not cost the rest of the block
        }
    }

    private void systemTrack(AsterixRecord r) {
        if (r.spec() != spec62) {
            spec62 = r.spec();
            v62 = new Cat062Record(spec62);
            apcX = optional(spec62, "500", "APC", "X");
            apcY = optional(spec62, "500", "APC", "Y");
            apwLat = optional(spec62, "500", "APW", "LAT");
            apwLon = optional(spec62, "500", "APW", "LON");
        }
        Cat062Record v = v62.wrap(r);
        if (v.sim() == 1) {
            reject(Reason.TEST_OR_SIMULATED);
            return;
        }
        if (v.tentative() == 1) {
            reject(Reason.TENTATIVE_TRACK);
            return;
        }
        if (v.trackEnded() == 1) {
            reject(Reason.TRACK_ENDED);
            return;
        }
        int sac = v.sac(), sic = v.sic();
        double tod = v.timeOfTrackSeconds();
        long t = Double.isNaN(tod) || sac == TypedRecord.ABSENT || sic == TypedRecord.ABSENT
                ? TimeOfDay.UNKNOWN
                : TimeOfDay.resolve(tod, decoder.referenceNanos());
        if (t == TimeOfDay.UNKNOWN) {
            reject(Reason.NO_TIME);
            return;
        }
        double lat = v.latitudeDeg(), lon = v.longitudeDeg();
        if (Double.isNaN(lat) || Double.isNaN(lon)) {
            reject(Reason.NO_POSITION);
            return;
        }
        Detection d = update;
        d.reset();
        d.timeNanos = t;
        d.sensorId = SYSTEM_TRACK_SENSOR_BASE | (sac & 0xFF) << 8 | (sic & 0xFF);
        d.kind = SensorKind.MLAT; // a position computed by a ground system, accuracy stated by it
        d.latDeg = lat;
        d.lonDeg = lon;
        d.horizontalSigmaMetres = sigma(r, lat);
        int address = v.address();
        if (address != TypedRecord.ABSENT) d.icao = address;
        int code = v.mode3A();
        if (code != TypedRecord.ABSENT && v.mode3AInvalid() != 1 && v.mode3AGarbled() != 1) d.mode3A = code;
        long callsign = v.callsign() != 0 ? v.callsign() : v.downlinkedId();
        d.callsign = callsign;
        double fl = v.measuredFlightLevel();
        if (!Double.isNaN(fl)) d.altitudeMetres = fl * 100 * Units.FT;
        int number = v.trackNumber();
        systemTracks++;
        try {
            sink.onSystemTrack(d, number == TypedRecord.ABSENT ? -1 : number);
        } catch (RuntimeException e) {
            reject(Reason.SINK_ERROR);
        }
    }

    /** One-sigma horizontal accuracy the SDPS states (I062/500 APC in x/y, else APW in degrees). */
    private double sigma(AsterixRecord r, double latDeg) {
        double s = Double.NaN;
        if (apcX != null && apcX.present(r)) {
            double x = apcX.value(r), y = apcY.value(r);
            s = Math.sqrt((x * x + y * y) / 2);
        } else if (apwLat != null && apwLat.present(r)) {
            double y = apwLat.value(r) * 111_195.0;
            double x = apwLon.value(r) * 111_195.0 * Math.cos(Math.toRadians(latDeg));
            s = Math.sqrt((x * x + y * y) / 2);
        }
        if (!(s > 0)) return DEFAULT_SYSTEM_TRACK_SIGMA_METRES;
        return Math.max(MIN_SIGMA_METRES, s);
    }

    /** Copies what {@link ReportSink#onAdsbReport} gets of a report (for a reader that queues reports, as a replay does). */
    public static ModeSMessage copyReport(ModeSMessage from, ModeSMessage to) {
        to.reset();
        to.timeNanos = from.timeNanos;
        to.icao = from.icao;
        to.crcOk = from.crcOk;
        to.lat = from.lat;
        to.lon = from.lon;
        to.surface = from.surface;
        to.altitudeFt = from.altitudeFt;
        to.groundspeedKt = from.groundspeedKt;
        to.trackDeg = from.trackDeg;
        to.verticalRateFpm = from.verticalRateFpm;
        to.callsign = from.callsign;
        to.squawk = from.squawk;
        to.nacP = from.nacP;
        to.nic = from.nic;
        return to;
    }

    /** The 12-bit Mode 3/A code as the Mode S message holds it: four octal digits written as a decimal number. */
    static int squawkOf(int code) {
        return ((code >> 9) & 7) * 1000 + ((code >> 6) & 7) * 100 + ((code >> 3) & 7) * 10 + (code & 7);
    }

    private static FieldRef optional(CategorySpec spec, String item, String... names) {
        try {
            return FieldRef.resolve(spec, item, names);
        } catch (IllegalArgumentException e) {
            return null; // an edition without the item: never present
        }
    }

    private void reject(Reason why) {
        rejects[why.ordinal()]++;
    }

    /** CAT021 reports handed on. */
    public long adsbReports() {
        return adsbReports;
    }

    /** CAT062 updates handed on. */
    public long systemTracks() {
        return systemTracks;
    }

    public long rejects(Reason r) {
        return rejects[r.ordinal()];
    }

    /** Refusals by reason label, each reason present. */
    public Map<String, Long> rejectsByReason() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Reason r : Reason.values()) m.put(r.label(), rejects[r.ordinal()]);
        return m;
    }
}
