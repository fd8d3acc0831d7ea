package org.vigil.server.tracking;

import java.util.Arrays;
import org.vigil.codec.modes.ModeSMessage;
import org.vigil.core.track.Detection;
import org.vigil.core.track.NacpAccuracy;
import org.vigil.core.track.SensorKind;

/**
 * Turns decoded, CPR-resolved Mode S messages into tracker {@link Detection}s: an ADS-B airborne
 * position becomes one report; identification, operational status and surveillance replies only
 * update what is remembered per aircraft (NACp, callsign, Mode 3/A), which the next position carries.
 *
 * <p>Why remember: a position message says nothing about its accuracy beyond NIC (an integrity bound);
 * NACp (accuracy, what the tracker needs) comes in the operational status every few seconds, the
 * callsign every 5 s and the squawk in replies to interrogations. Accuracy used: the last NACp heard
 * (≤ 60 s old), else NIC's containment radius as if it were the 95 % bound (conservative: Rc is a
 * 10⁻⁷ integrity bound), else the report is refused as {@link Reason#NO_ACCURACY}.
 *
 * <p>Duplicates: one transmission heard by several receivers is decoded once per receiver. Feeding
 * each copy would count the same GNSS fix several times and make the filter overconfident, so a
 * position whose CPR fields equal the aircraft's last one within {@link #DUPLICATE_WINDOW_NANOS} is
 * dropped and counted as {@link Reason#DUPLICATE}.
 *
 * <p>Messages decoded by the receiver ({@code df} absent: SBS lines, ASTERIX CAT021 reports) carry
 * a resolved latitude and longitude instead of CPR fields. Their accuracy is what the message
 * states (CAT021 I021/090 NACp or NIC); SBS states none, so {@link #RECEIVER_DECODED_SIGMA_METRES}
 * is assumed: a typical airliner's NACp 8 (95 % within 92.6 m, σ 37.8 m) combined with the
 * time error of an SBS line (stamped when the receiver wrote it or when it arrived, not when the
 * aircraft sent it: σ ≈ 0.1 s, 25 m at 250 m/s) and the rounding of its coordinates to 5
 * decimals (1.1 m, negligible). Duplicates are the same coordinates again within the window.
 *
 * <p>Allocation-free per message: per-aircraft state sits in primitive open-addressing arrays
 * (grown by rehashing, which only happens when more aircraft than ever before are heard).
 * Single-threaded: the caller serialises.
 */
public final class ModeSDetections {
    /** Why a message gave no detection (each counted; none of them is an error of the feed). */
    public enum Reason {
        /** Not an ADS-B airborne position (identity, velocity, replies...): remembered, not a detection. */
        NOT_A_POSITION,
        /** Position not resolved by CPR yet (needs an even/odd pair or a reference). */
        UNRESOLVED,
        /** Surface position: not an airborne track. */
        SURFACE,
        /** Neither NACp nor NIC known: accuracy cannot be stated. */
        NO_ACCURACY,
        /** Same transmission already taken from another receiver. */
        DUPLICATE,
        /** DF18 TIS-B/ADS-R or a message whose CRC did not check: not a report of the aircraft itself. */
        NOT_TRUSTED,
        /**
         * Position outside the area the receivers can hear ({@link #setArea}): a wrong CPR decode
         * (e.g. even and odd frames of two aircraft sharing an address), not an aircraft.
         */
        OUT_OF_AREA
    }

    /** Copies of one transmission via several receivers arrive within this window. */
    static final long DUPLICATE_WINDOW_NANOS = 500_000_000L;
    /** NACp older than this is not trusted any more (the aircraft's navigation source may have changed). */
    static final long NACP_VALID_NANOS = 60_000_000_000L;
    /**
     * One-sigma horizontal error assumed for a receiver-decoded position that states no accuracy
     * (SBS): √(37.8² + 25² + 0.3²) m, see the class comment.
     */
    static final double RECEIVER_DECODED_SIGMA_METRES = 45;
    /** Marks a {@link #lastCpr} key made from decoded coordinates, not CPR fields. */
    private static final long DECODED_POSITION_KEY = 1L << 62;
    /** Remembered aircraft forgotten after this long without any message, so the map stays bounded. */
    static final long FORGET_NANOS = 600_000_000_000L;

    private final int sensorId;
    private double areaLat = Double.NaN, areaLon, areaCosLat = 1, areaRadiusDeg2 = Double.POSITIVE_INFINITY;
    private final long[] counts = new long[Reason.values().length];
    private long detections;

    // open addressing, linear probing; key 0 = empty, stored as icao + 1
    private int[] keys;
    private byte[] nacp;
    private long[] nacpTime;
    private long[] callsign;
    private int[] mode3A;
    private long[] lastCpr; // format << 40 | lat17 << 20 | lon17, or -1
    private long[] lastCprTime;
    private long[] heard;
    private int size;

    /** @param sensorId the tracker sensor id for these reports (see {@link TrackingPipeline#ADSB_SENSOR_ID}) */
    public ModeSDetections(int sensorId) {
        this.sensorId = sensorId;
        allocate(1024);
    }

    /**
     * Positions farther than {@code radiusMetres} from ({@code latDeg}, {@code lonDeg}) are refused as
     * {@link Reason#OUT_OF_AREA}. Without an area every resolved position is accepted.
     */
    public ModeSDetections setArea(double latDeg, double lonDeg, double radiusMetres) {
        areaLat = latDeg;
        areaLon = lonDeg;
        areaCosLat = Math.cos(Math.toRadians(latDeg));
        double deg = radiusMetres / 111_195.0;
        areaRadiusDeg2 = deg * deg;
        return this;
    }

    private boolean outsideArea(double lat, double lon) {
        if (Double.isNaN(areaLat)) return false;
        double dlat = lat - areaLat;
        double dlon = lon - areaLon;
        if (dlon > 180) dlon -= 360;
        else if (dlon < -180) dlon += 360;
        dlon *= areaCosLat;
        return dlat * dlat + dlon * dlon > areaRadiusDeg2;
    }

    private void allocate(int capacity) {
        keys = new int[capacity];
        nacp = new byte[capacity];
        nacpTime = new long[capacity];
        callsign = new long[capacity];
        mode3A = new int[capacity];
        lastCpr = new long[capacity];
        lastCprTime = new long[capacity];
        heard = new long[capacity];
        size = 0;
    }

    /**
     * Reads one decoded message; when it is a usable airborne position, fills {@code d} (after
     * {@link Detection#reset()}) and returns true. Otherwise counts the reason and returns false.
     */
    public boolean toDetection(ModeSMessage m, Detection d) {
        if (m.icao == ModeSMessage.ABSENT || m.icao < 0 || m.icao > 0xFFFFFF) return count(Reason.NOT_TRUSTED);
        if (m.df == ModeSMessage.ABSENT) return receiverDecoded(m, d);
        boolean extendedSquitter = m.df == 17 || (m.df == 18 && (m.cf == 0 || m.cf == 1));
        if (extendedSquitter && !m.crcOk) return count(Reason.NOT_TRUSTED);
        int slot;
        if (extendedSquitter) {
            slot = slotFor(m.icao, true, m.timeNanos);
        } else {
            // surveillance replies carry the address in the parity: only trusted for aircraft already heard on ES
            slot = slotFor(m.icao, false, m.timeNanos);
            if (slot < 0) return count(m.df == 18 ? Reason.NOT_TRUSTED : Reason.NOT_A_POSITION);
        }
        remember(slot, m);
        if (!extendedSquitter || m.tc == ModeSMessage.ABSENT || m.tc < 9 || m.tc > 22 || m.tc == 19) {
            return count(
                    m.tc != ModeSMessage.ABSENT && m.tc >= 5 && m.tc <= 8 ? Reason.SURFACE : Reason.NOT_A_POSITION);
        }
        if (m.surface) return count(Reason.SURFACE);
        if (!m.hasPosition() || Double.isNaN(m.lon)) return count(Reason.UNRESOLVED);
        if (outsideArea(m.lat, m.lon)) return count(Reason.OUT_OF_AREA);
        long cpr = m.cprFormat == ModeSMessage.ABSENT
                ? -1
                : ((long) (m.cprFormat & 1) << 40) | ((long) (m.cprLat & 0x1FFFF) << 20) | (m.cprLon & 0x1FFFF);
        if (cpr >= 0 && cpr == lastCpr[slot] && Math.abs(m.timeNanos - lastCprTime[slot]) <= DUPLICATE_WINDOW_NANOS) {
            return count(Reason.DUPLICATE);
        }
        double sigma = Double.NaN;
        if (nacpTime[slot] != Long.MIN_VALUE && m.timeNanos - nacpTime[slot] <= NACP_VALID_NANOS) {
            sigma = NacpAccuracy.sigmaMetres(nacp[slot]);
        }
        if (Double.isNaN(sigma)) sigma = nicSigma(m.nic);
        if (Double.isNaN(sigma)) return count(Reason.NO_ACCURACY);
        // TC 20-22 carry GNSS height, not pressure altitude: the tracker's altitude is barometric
        return detection(m, slot, cpr, sigma, m.tc <= 18, d);
    }

    /**
     * A message the receiver decoded (SBS, CAT021): the receiver only passes CRC-checked messages
     * with the aircraft's own address, so it is trusted like an extended squitter.
     */
    private boolean receiverDecoded(ModeSMessage m, Detection d) {
        if (!m.crcOk) return count(Reason.NOT_TRUSTED);
        int slot = slotFor(m.icao, true, m.timeNanos);
        boolean statesNacp = remember(slot, m);
        if (!m.hasPosition() || Double.isNaN(m.lon)) return count(Reason.NOT_A_POSITION);
        if (m.surface) return count(Reason.SURFACE);
        if (outsideArea(m.lat, m.lon)) return count(Reason.OUT_OF_AREA);
        long key = DECODED_POSITION_KEY
                | (Math.round((m.lat + 90) * 1e6) << 29)
                | (Math.round((m.lon + 180) * 1e6) & 0x1FFF_FFFFL);
        if (key == lastCpr[slot] && Math.abs(m.timeNanos - lastCprTime[slot]) <= DUPLICATE_WINDOW_NANOS) {
            return count(Reason.DUPLICATE);
        }
        double sigma = statesNacp ? NacpAccuracy.sigmaMetres(m.nacP) : Double.NaN;
        if (Double.isNaN(sigma) && m.nic != ModeSMessage.ABSENT) sigma = nicSigma(m.nic);
        if (Double.isNaN(sigma)) sigma = RECEIVER_DECODED_SIGMA_METRES;
        return detection(m, slot, key, sigma, true, d);
    }

    /** Takes what the message says of the aircraft into its slot; returns whether it stated a NACp. */
    private boolean remember(int slot, ModeSMessage m) {
        heard[slot] = Math.max(heard[slot], m.timeNanos);
        boolean statesNacp = m.nacP != ModeSMessage.ABSENT && m.nacP >= 0 && m.nacP <= 11;
        if (statesNacp) {
            nacp[slot] = (byte) m.nacP;
            nacpTime[slot] = m.timeNanos;
        }
        if (m.callsign != 0) callsign[slot] = m.callsign;
        if (m.squawk != ModeSMessage.ABSENT) {
            int code = mode3AOf(m.squawk);
            if (code >= 0) mode3A[slot] = code;
        }
        return statesNacp;
    }

    /** Fills {@code d} with the position and the remembered identity; {@code key} marks it for duplicates. */
    private boolean detection(ModeSMessage m, int slot, long key, double sigma, boolean baroAltitude, Detection d) {
        lastCpr[slot] = key;
        lastCprTime[slot] = m.timeNanos;
        d.reset();
        d.timeNanos = m.timeNanos;
        d.sensorId = sensorId;
        d.kind = SensorKind.ADSB;
        d.latDeg = m.lat;
        d.lonDeg = m.lon;
        d.horizontalSigmaMetres = sigma;
        d.icao = m.icao;
        if (baroAltitude && m.altitudeFt != ModeSMessage.ABSENT)
            d.altitudeMetres = m.altitudeFt * org.vigil.core.geo.Units.FT;
        d.callsign = callsign[slot];
        d.mode3A = mode3A[slot];
        detections++;
        return true;
    }

    /** The squawk as the decoder gives it (four octal digits written as a decimal number) to 12 bits; -1 if not octal. */
    static int mode3AOf(int squawk) {
        if (squawk < 0 || squawk > 7777) return -1;
        int code = 0;
        for (int shift = 0, v = squawk; shift < 12; shift += 3, v /= 10) {
            int digit = v % 10;
            if (digit > 7) return -1;
            code |= digit << shift;
        }
        return code;
    }

    /**
     * One-sigma error from NIC, taking the containment radius Rc as if it were the 95 % bound
     * (DO-260B airborne Rc; where supplements make two values possible the larger is taken), floored at 10 m.
     */
    static double nicSigma(int nic) {
        double rc = switch (nic) {
            case 11 -> 7.5;
            case 10 -> 25;
            case 9 -> 75;
            case 8 -> 185.2;
            case 7 -> 370.4;
            case 6 -> 1111.2;
            case 5 -> 1852;
            case 4 -> 3704;
            case 3 -> 7408;
            case 2 -> 14816;
            case 1 -> 37040;
            default -> Double.NaN;
        };
        return Math.max(10, rc / 2.4477);
    }

    private boolean count(Reason r) {
        counts[r.ordinal()]++;
        return false;
    }

    /** Messages that gave no detection, by reason. */
    public long rejected(Reason r) {
        return counts[r.ordinal()];
    }

    /** Detections made. */
    public long detections() {
        return detections;
    }

    /** Aircraft remembered now. */
    public int aircraft() {
        return size;
    }

    // ------------------------------------------------------------------ primitive map

    private static int hash(int icao) {
        int h = icao * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** Slot of {@code icao}; with {@code create}, inserts it when absent (else returns -1). */
    private int slotFor(int icao, boolean create, long now) {
        int mask = keys.length - 1;
        int key = icao + 1;
        int i = hash(icao) & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) return i;
            i = (i + 1) & mask;
        }
        if (!create) return -1;
        if ((size + 1) * 4 > keys.length * 3) {
            rehash(now);
            return slotFor(icao, true, now);
        }
        keys[i] = key;
        nacp[i] = 0;
        nacpTime[i] = Long.MIN_VALUE;
        callsign[i] = 0;
        mode3A[i] = Detection.ABSENT;
        lastCpr[i] = -1;
        lastCprTime[i] = Long.MIN_VALUE;
        heard[i] = now;
        size++;
        return i;
    }

    /** Drops aircraft not heard for {@link #FORGET_NANOS}; doubles the table when still over half full. */
    private void rehash(long now) {
        int[] k = keys;
        byte[] n = nacp;
        long[] nt = nacpTime, cs = callsign, lc = lastCpr, lct = lastCprTime, h = heard;
        int[] a = mode3A;
        int live = 0;
        for (int i = 0; i < k.length; i++) if (k[i] != 0 && now - h[i] <= FORGET_NANOS) live++;
        int capacity = k.length;
        while (live * 2 > capacity) capacity *= 2;
        allocate(capacity);
        int mask = capacity - 1;
        for (int i = 0; i < k.length; i++) {
            if (k[i] == 0 || now - h[i] > FORGET_NANOS) continue;
            int j = hash(k[i] - 1) & mask;
            while (keys[j] != 0) j = (j + 1) & mask;
            keys[j] = k[i];
            nacp[j] = n[i];
            nacpTime[j] = nt[i];
            callsign[j] = cs[i];
            mode3A[j] = a[i];
            lastCpr[j] = lc[i];
            lastCprTime[j] = lct[i];
            heard[j] = h[i];
            size++;
        }
    }

    @Override
    public String toString() {
        return "ModeSDetections{aircraft=" + size + " detections=" + detections + " rejected=" + Arrays.toString(counts)
                + '}';
    }
}
