package org.vigil.server.tracking;

import org.vigil.core.radar.RadarPlot;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.track.Detection;
import org.vigil.core.track.SensorKind;

/**
 * Turns a radar plot (CAT048 target report, already placed by its radar) into a tracker
 * {@link Detection}: the measurement the radar actually made (slant range, azimuth, with its
 * sigmas), not the lat/lon it was projected to, because the tracker's EKF models the radar's own
 * geometry. Allocation-free; the caller serialises.
 *
 * <p>Refused (counted by {@link Reason}): the radar's coasted track positions (no detection this
 * scan: not a measurement), field monitors and test targets (not aircraft), plots without a usable
 * range/azimuth or time. A Mode 3/A marked garbled or not validated is left out; the rest of the
 * plot is used.
 */
public final class RadarPlotDetections {
    public enum Reason {
        /** The radar's own coasted position, not a detection. */
        NO_DETECTION,
        /** Test target or fixed transponder (field monitor). */
        NOT_AN_AIRCRAFT,
        /** No time, no range or no azimuth. */
        INCOMPLETE
    }

    private final long[] counts = new long[Reason.values().length];
    private long detections;

    /** Fills {@code d} (after {@link Detection#reset()}) from {@code p}; false (counted) when the plot is no detection of an aircraft. */
    public boolean toDetection(RadarPlot p, Detection d) {
        if (p.type == null || p.type == org.vigil.core.radar.PlotType.NO_DETECTION) return count(Reason.NO_DETECTION);
        if (p.has(RadarPlot.TEST_TARGET) || p.has(RadarPlot.FIXED_TRANSPONDER)) return count(Reason.NOT_AN_AIRCRAFT);
        if (p.timeNanos == Long.MIN_VALUE
                || Double.isNaN(p.rhoMetres)
                || Double.isNaN(p.thetaRad)
                || p.sac == RadarPlot.ABSENT
                || p.sic == RadarPlot.ABSENT) {
            return count(Reason.INCOMPLETE);
        }
        d.reset();
        d.timeNanos = p.timeNanos;
        d.sensorId = RadarSite.key(p.sac, p.sic);
        d.kind = SensorKind.RADAR;
        d.rangeMetres = p.rhoMetres;
        d.azimuthRad = p.thetaRad;
        d.rangeSigmaMetres = p.rangeSigmaMetres;
        d.azimuthSigmaRad = p.azimuthSigmaRad;
        d.plotType = switch (p.type) {
            case PRIMARY -> Detection.PLOT_PRIMARY;
            case SECONDARY, MODE_S -> Detection.PLOT_SECONDARY;
            default -> Detection.PLOT_COMBINED;
        };
        d.altitudeMetres = p.altitudeMetres;
        if (p.mode3A != RadarPlot.ABSENT && p.mode3AValid && !p.has(RadarPlot.MODE_3A_DOUBTFUL)) d.mode3A = p.mode3A;
        d.icao = p.address;
        d.callsign = p.callsign;
        detections++;
        return true;
    }

    private boolean count(Reason r) {
        counts[r.ordinal()]++;
        return false;
    }

    public long rejected(Reason r) {
        return counts[r.ordinal()];
    }

    public long detections() {
        return detections;
    }
}
