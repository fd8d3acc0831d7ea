package org.vigil.core.track;

/**
 * Coasting limits by sensor situation. A track lives until the later of:
 * <ul>
 * <li>its last radar update plus N scans of that radar (radar-only tracks, primary targets), and</li>
 * <li>its last ADS-B/MLAT update plus T seconds.</li>
 * </ul>
 * Tentative tracks get the shorter limits (2.5 scans / 5 s by default) so that false tentatives
 * from clutter die within their confirmation window; so do tracks low in an aerodrome's terminal
 * area ({@link SystemTrack#inTerminalArea()}): an aircraft that stops being seen there has landed or
 * gone below radar cover, and is not flown on.
 */
public final class CoastingDeleter implements Deleter {
    private final double radarScans;
    private final long reportNanos;
    private final double tentativeScans;
    private final long tentativeReportNanos;

    public CoastingDeleter(
            double radarScans, double reportSeconds, double tentativeScans, double tentativeReportSeconds) {
        this.radarScans = radarScans;
        this.reportNanos = (long) (reportSeconds * 1e9);
        this.tentativeScans = tentativeScans;
        this.tentativeReportNanos = (long) (tentativeReportSeconds * 1e9);
    }

    @Override
    public long deadline(SystemTrack t) {
        boolean tentative = t.status == TrackStatus.TENTATIVE || t.inTerminalArea();
        long deadline = Long.MIN_VALUE;
        if (t.lastRadarNanos != Long.MIN_VALUE) {
            double scans = tentative ? tentativeScans : radarScans;
            deadline = t.lastRadarNanos + (long) (scans * t.lastRadarPeriodSeconds * 1e9);
        }
        if (t.lastReportNanos != Long.MIN_VALUE) {
            deadline = Math.max(deadline, t.lastReportNanos + (tentative ? tentativeReportNanos : reportNanos));
        }
        return deadline;
    }
}
