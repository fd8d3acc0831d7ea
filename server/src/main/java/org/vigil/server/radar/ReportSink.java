package org.vigil.server.radar;

import org.vigil.codec.modes.ModeSMessage;
import org.vigil.core.track.Detection;

/**
 * Where the ASTERIX reports that are not radar plots go (see {@link SurveillanceReports}). A
 * {@link org.vigil.core.radar.RadarPlotSink} that also implements this gets them from the radar
 * feeds; one that does not leaves them counted as skipped. Both objects are reused: read them
 * during the call.
 */
public interface ReportSink {
    /** A CAT021 ADS-B report, as a Mode S message decoded by the ground station ({@code df} absent, like SBS). */
    void onAdsbReport(ModeSMessage report);

    /**
     * A CAT062 system track update of another tracker, as a position measurement with its stated
     * accuracy ({@link SurveillanceReports#SYSTEM_TRACK_SENSOR_BASE} + SAC/SIC as the sensor id).
     * @param externalTrackNumber the other tracker's track number (I062/040), or -1
     */
    void onSystemTrack(Detection update, int externalTrackNumber);
}
