package org.vigil.codec.asterix.plots;

import java.util.Objects;
import org.vigil.codec.asterix.AsterixDecoder;
import org.vigil.codec.asterix.AsterixRecord;
import org.vigil.codec.asterix.Cat034Record;
import org.vigil.codec.asterix.Cat048Record;
import org.vigil.codec.asterix.RecordHandler;
import org.vigil.codec.asterix.Rejection;
import org.vigil.codec.asterix.TypedRecord;
import org.vigil.core.geo.Units;
import org.vigil.core.radar.PlotProjection;
import org.vigil.core.radar.PlotType;
import org.vigil.core.radar.RadarNetwork;
import org.vigil.core.radar.RadarPlot;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.core.radar.RadarStatus;
import org.vigil.core.radar.ServiceMessage;
import org.vigil.core.radar.TimeOfDay;

/**
 * Turns ASTERIX data blocks from radar heads into observations: CAT048 target reports into
 * {@link RadarPlot}s placed on WGS-84 with the configured radar's position, CAT034 service
 * messages into {@link RadarStatus} updates. Everything else that decodes is counted as skipped;
 * everything that does not is counted by {@link PlotRejection} reason. Nothing is thrown for any
 * input.
 *
 * <p>Time. ASTERIX sends only the time of day. The date comes from, in order: the reference time
 * given with the data ({@link #decode}'s receive clock or capture timestamp), else the last full
 * timestamp of the same radar, else the {@linkplain #seedReference seed} (a recording's date).
 *
 * <p>One instance per feed reader; not thread-safe. The radar statuses it updates are shared
 * between feeds, so callers hold their delivery lock around {@link #decode} (see RadarStatus).
 * Allocation-free per block and per plot.
 */
public final class RadarPlotDecoder implements RecordHandler {
    private static final PlotType[] BY_TYP = {
        PlotType.NO_DETECTION, PlotType.PRIMARY, PlotType.SECONDARY, PlotType.COMBINED,
        PlotType.MODE_S, PlotType.MODE_S, PlotType.MODE_S_COMBINED, PlotType.MODE_S_COMBINED
    };
    private static final double FT = Units.FT;

    private final AsterixDecoder decoder;
    private final Cat048Record cat048;
    private final Cat034Record cat034;
    private final RadarNetwork network;
    private final RadarPlotSink sink;
    private final PlotCounters counters;
    private final RadarPlot plot = new RadarPlot();
    private final PlotProjection projection = new PlotProjection();
    private long reference = TimeOfDay.UNKNOWN;
    private long seed = TimeOfDay.UNKNOWN;
    private boolean clean = true;
    /** Where records of other categories go (CAT021, CAT062 to the server's report adapter); null: counted as skipped. */
    private RecordHandler otherCategories;

    public RadarPlotDecoder(RadarNetwork network, RadarPlotSink sink, PlotCounters counters) {
        this(new AsterixDecoder(), network, sink, counters);
    }

    /** With a decoder configured for particular editions (the CAT048 and CAT034 views follow it). */
    public RadarPlotDecoder(AsterixDecoder decoder, RadarNetwork network, RadarPlotSink sink, PlotCounters counters) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.network = Objects.requireNonNull(network, "network");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.cat048 = new Cat048Record(decoder.spec(48));
        this.cat034 = new Cat034Record(decoder.spec(34));
    }

    public PlotCounters counters() {
        return counters;
    }

    /**
     * Hands every record that is neither CAT048 nor CAT034 to {@code handler} instead of counting it
     * as {@code other_category} (the handler counts what it does not use). Null restores the default.
     */
    public RadarPlotDecoder otherCategories(RecordHandler handler) {
        this.otherCategories = handler;
        return this;
    }

    /**
     * The time that dates a time of day in the block being decoded: the reference given to
     * {@link #decode}, else the {@linkplain #seedReference seed}; {@link TimeOfDay#UNKNOWN} when neither.
     */
    public long referenceNanos() {
        return reference != TimeOfDay.UNKNOWN ? reference : seed;
    }

    /** Whether {@code category} has a loaded spec (a plausible block header while resynchronising). */
    public boolean knows(int category) {
        return decoder.spec(category & 0xFF) != null;
    }

    /** The date to use for a radar with no reference at all yet (e.g. a recording's start), ns since the epoch. */
    public void seedReference(long nanos) {
        seed = nanos;
    }

    /**
     * Decodes the blocks in {@code buf[off, off+len)} (a datagram, a recording frame, or one block
     * from a stream framer) and delivers plots and status updates.
     * @param referenceNanos a time close to the data (receive clock, capture timestamp), or
     *                       {@link TimeOfDay#UNKNOWN} to rely on each radar's last timestamp
     * @return plots delivered
     */
    public int decode(byte[] buf, int off, int len, long referenceNanos) {
        reference = referenceNanos;
        clean = true;
        long before = counters.plots();
        decoder.decode(buf, off, len, this);
        return (int) (counters.plots() - before);
    }

    /** Whether the last {@link #decode} framed and parsed every record (content rejections aside). */
    public boolean lastDecodeClean() {
        return clean;
    }

    @Override
    public void block(int category, byte[] buf, int off, int len) {
        counters.block();
    }

    @Override
    public void rejected(int category, Rejection why, int offset) {
        clean = false;
        counters.reject(PlotRejection.of(why));
    }

    @Override
    public void record(AsterixRecord record) {
        switch (record.category()) {
            case 48 -> targetReport(cat048.wrap(record));
            case 34 -> serviceMessage(cat034.wrap(record));
            default -> {
                if (otherCategories != null) otherCategories.record(record);
                else counters.skipOtherCategory();
            }
        }
    }

    private void targetReport(Cat048Record r) {
        int sac = r.sac();
        int sic = r.sic();
        RadarStatus radar = configuredRadar(sac, sic);
        if (radar == null) return;
        double tod = r.timeOfDaySeconds();
        if (Double.isNaN(tod)) {
            reject(radar, PlotRejection.NO_TIME);
            return;
        }
        long t = TimeOfDay.resolve(tod, referenceFor(radar));
        if (t == TimeOfDay.UNKNOWN) {
            reject(radar, PlotRejection.NO_TIME_REFERENCE);
            return;
        }
        double rho = r.rangeMetres(); // RE/ERR beyond 256 NM, else RHO
        double theta = r.thetaRad();
        if (Double.isNaN(theta) || Double.isNaN(r.rhoMetres())) {
            reject(radar, PlotRejection.NO_POSITION);
            return;
        }
        if (Double.isNaN(rho)) { // ERR flagged, RE/ERR missing: RHO holds only its saturated maximum
            reject(radar, PlotRejection.EXTENDED_RANGE);
            return;
        }

        RadarPlot p = plot;
        p.reset();
        p.sac = sac;
        p.sic = sic;
        p.timeOfDaySeconds = tod;
        p.timeNanos = t;
        p.rhoMetres = rho;
        p.thetaRad = theta;
        describe(r, p);
        identify(r, p);
        if (!projection.project(radar.site(), p)) { // unreachable with the checks above; kept as the guard
            reject(radar, PlotRejection.NO_POSITION);
            return;
        }
        radar.plotAccepted(t);
        counters.plot(t);
        try {
            sink.onPlot(p);
        } catch (RuntimeException e) {
            counters.sinkError(); // a consumer bug must not cost the rest of the datagram
        }
    }

    /** I048/020: plot type and flags. */
    private static void describe(Cat048Record r, RadarPlot p) {
        int typ = r.typ();
        if (typ >= 0 && typ < BY_TYP.length) {
            p.type = BY_TYP[typ];
        } else { // descriptor missing (it is mandatory): infer from what was sent
            p.type = r.address() != TypedRecord.ABSENT
                    ? PlotType.MODE_S
                    : r.mode3A() != TypedRecord.ABSENT || r.has("090") ? PlotType.SECONDARY : PlotType.PRIMARY;
        }
        int f = 0;
        if (r.sim() == 1) f |= RadarPlot.SIMULATED;
        if (r.tst() == 1) f |= RadarPlot.TEST_TARGET;
        if (r.rab() == 1) f |= RadarPlot.FIXED_TRANSPONDER;
        if (r.spi() == 1) f |= RadarPlot.SPI;
        if (r.militaryEmergency() == 1) f |= RadarPlot.MILITARY_EMERGENCY;
        if (r.militaryIdentification() == 1) f |= RadarPlot.MILITARY_IDENT;
        p.flags |= f;
    }

    /** Mode 3/A, Mode C, Mode S address, callsign, track number. */
    private static void identify(Cat048Record r, RadarPlot p) {
        int code = r.mode3A();
        if (code != TypedRecord.ABSENT) {
            p.mode3A = code;
            p.mode3AValid = r.mode3AInvalid() == 0 && r.mode3AGarbled() == 0;
            if (!p.mode3AValid) p.flags |= RadarPlot.MODE_3A_DOUBTFUL;
        }
        double fl = r.flightLevel();
        // only a validated, ungarbled Mode C is trusted to place the plot; otherwise the projection assumes
        if (!Double.isNaN(fl) && r.flightLevelInvalid() == 0 && r.flightLevelGarbled() == 0) {
            p.altitudeMetres = fl * 100 * FT;
        }
        p.address = r.address();
        p.callsign = r.callsign();
        p.trackNumber = r.trackNumber();
    }

    private void serviceMessage(Cat034Record r) {
        RadarStatus radar = configuredRadar(r.sac(), r.sic());
        if (radar == null) return;
        double tod = r.timeOfDaySeconds();
        long t = Double.isNaN(tod) ? TimeOfDay.UNKNOWN : TimeOfDay.resolve(tod, referenceFor(radar));
        ServiceMessage kind;
        switch (r.messageType()) {
            case Cat034Record.NORTH_MARKER -> {
                kind = ServiceMessage.NORTH_MARKER;
                radar.northMarker(t, r.antennaRotationPeriodSeconds());
            }
            case Cat034Record.SECTOR_CROSSING -> {
                kind = ServiceMessage.SECTOR_CROSSING;
                radar.sectorCrossing(t, r.sectorAzimuthDeg());
            }
            default -> {
                kind = ServiceMessage.OTHER;
                radar.timeSeen(t);
            }
        }
        if (r.hasSystemConfiguration()) {
            radar.systemStatus(
                    bit(r.noGo()),
                    bit(r.rdpReset()),
                    bit(r.rdpOverload()),
                    bit(r.transmissionOverload()),
                    bit(r.monitoringDisconnected()),
                    bit(r.timeSourceInvalid()));
        }
        counters.serviceMessage();
        try {
            sink.onRadarStatus(radar, kind);
        } catch (RuntimeException e) {
            counters.sinkError();
        }
    }

    /** The configured radar for I048/010 or I034/010, or null with the reason counted. */
    private RadarStatus configuredRadar(int sac, int sic) {
        if (sac == TypedRecord.ABSENT || sic == TypedRecord.ABSENT) {
            counters.reject(PlotRejection.NO_SAC_SIC);
            return null;
        }
        RadarStatus radar = network.radar(sac, sic);
        if (radar == null) {
            counters.unknownSensor(sac, sic);
            counters.reject(PlotRejection.UNKNOWN_SAC_SIC);
        }
        return radar;
    }

    private static int bit(int v) {
        return v == TypedRecord.ABSENT ? -1 : v;
    }

    private long referenceFor(RadarStatus radar) {
        if (reference != TimeOfDay.UNKNOWN) return reference;
        long last = radar.lastTimeNanos();
        return last != TimeOfDay.UNKNOWN ? last : seed;
    }

    private void reject(RadarStatus radar, PlotRejection why) {
        radar.plotRejected();
        counters.reject(why);
    }
}
