package org.vigil.server.picture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigil.core.Callsigns;
import org.vigil.core.radar.RadarPlot;
import org.vigil.core.radar.RadarPlotSink;

/**
 * The radar plots of the last few seconds of data time, for the console's plot layer. A ring of
 * primitive slots: storing a plot allocates nothing; {@link #snapshot} (once a second, for the
 * web layer) copies the plots not older than the window behind the newest plot.
 *
 * <p>Not thread-safe: producers and the snapshot must hold the same lock (the live server's
 * delivery lock).
 */
public final class RecentPlots implements RadarPlotSink {
    /** One plot as the console draws it. {@code mode3a} 4 octal digits, {@code icao} 6 hex digits, null when absent. */
    public record PlotView(
            double lat,
            double lon,
            Integer altitudeFt,
            String type,
            String radar,
            long time,
            String mode3a,
            String icao,
            String callsign,
            boolean altitudeAssumed) {}

    private final int capacity;
    private final long windowNanos;
    private final long[] time;
    private final double[] lat, lon, altM;
    private final int[] sacSic, mode3A, address, flags;
    private final long[] callsign;
    private final byte[] type;
    private int next, size;
    private long newest = Long.MIN_VALUE;
    private long plots;

    public RecentPlots(int capacity, double windowSeconds) {
        this.capacity = capacity;
        this.windowNanos = (long) (windowSeconds * 1e9);
        time = new long[capacity];
        lat = new double[capacity];
        lon = new double[capacity];
        altM = new double[capacity];
        sacSic = new int[capacity];
        mode3A = new int[capacity];
        address = new int[capacity];
        flags = new int[capacity];
        callsign = new long[capacity];
        type = new byte[capacity];
    }

    @Override
    public void onPlot(RadarPlot p) {
        if (Double.isNaN(p.latDeg) || Double.isNaN(p.lonDeg)) return;
        int i = next;
        time[i] = p.timeNanos;
        lat[i] = p.latDeg;
        lon[i] = p.lonDeg;
        altM[i] = p.altitudeMetres;
        sacSic[i] = (p.sac << 8) | p.sic;
        mode3A[i] = p.mode3A;
        address[i] = p.address;
        flags[i] = p.flags;
        callsign[i] = p.callsign;
        type[i] = (byte) p.type.ordinal();
        next = (i + 1) % capacity;
        if (size < capacity) size++;
        if (p.timeNanos > newest) newest = p.timeNanos;
        plots++;
    }

    public long plotsSeen() {
        return plots;
    }

    /** The plots within the window behind the newest one, oldest first (allocates: sink side). */
    public List<PlotView> snapshot() {
        List<PlotView> out = new ArrayList<>();
        long from = newest - windowNanos;
        org.vigil.core.radar.PlotType[] types = org.vigil.core.radar.PlotType.values();
        for (int k = 0; k < size; k++) {
            int i = Math.floorMod(next - size + k, capacity);
            if (time[i] < from) continue;
            Integer altFt = Double.isNaN(altM[i]) || (flags[i] & RadarPlot.ALTITUDE_ASSUMED) != 0
                    ? null
                    : (int) Math.round(altM[i] / org.vigil.core.geo.Units.FT);
            out.add(new PlotView(
                    lat[i],
                    lon[i],
                    altFt,
                    types[type[i]].name().toLowerCase(Locale.ROOT),
                    String.format(Locale.ROOT, "%d/%d", sacSic[i] >>> 8, sacSic[i] & 0xFF),
                    time[i] / 1_000_000L,
                    mode3A[i] == RadarPlot.ABSENT ? null : String.format(Locale.ROOT, "%04o", mode3A[i]),
                    address[i] == RadarPlot.ABSENT ? null : String.format(Locale.ROOT, "%06X", address[i]),
                    callsign[i] == 0 ? null : Callsigns.unpack(callsign[i]),
                    (flags[i] & RadarPlot.ALTITUDE_ASSUMED) != 0));
        }
        return out;
    }
}
