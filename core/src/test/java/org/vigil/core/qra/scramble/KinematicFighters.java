package org.vigil.core.qra.scramble;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;
import org.vigil.core.qra.Detachment;

/**
 * Test fighters: each scramble's lead flies straight at the commanded heading and ground speed,
 * climbing at {@link #CLIMB_FPS}, once its launch delay is over. The test moves the clock with
 * {@link #advance} before each {@code tick}; {@link #holdOn} puts the lead on the target's last fix.
 */
final class KinematicFighters implements Fighters {
    static final double CLIMB_FPS = 150;

    static final class Lead {
        long airborneAt;
        double lat, lon, altFt, headingDeg, levelFt, gsKt;
        boolean landed;
        FighterFix holding;
    }

    final Map<String, Lead> leads = new LinkedHashMap<>();
    private long clock;
    /** Launches asked for, including those that found nothing to launch with. */
    int launchCalls;
    /** When false, {@link #launch} has no aircraft: nothing to launch with. */
    boolean attached = true;

    void advance(long nanos) {
        double dt = (nanos - clock) / 1e9;
        clock = nanos;
        if (dt <= 0) return;
        double[] p = new double[2];
        for (Lead l : leads.values()) {
            if (l.landed || nanos < l.airborneAt) continue;
            double fly = Math.min(dt, (nanos - l.airborneAt) / 1e9);
            if (l.holding != null) {
                l.lat = l.holding.latDeg;
                l.lon = l.holding.lonDeg;
                continue;
            }
            Sphere.destination(l.lat, l.lon, l.headingDeg, l.gsKt * Units.KT * fly, p);
            l.lat = p[0];
            l.lon = p[1];
            double climb = Math.min(Math.abs(l.levelFt - l.altFt), CLIMB_FPS * fly);
            l.altFt += Math.signum(l.levelFt - l.altFt) * climb;
        }
    }

    @Override
    public String[] launch(
            String scrambleId, Detachment unit, double airborneInS, double headingDeg, double levelFt, double speedKt) {
        launchCalls++;
        if (!attached) return null;
        Lead l = new Lead();
        l.airborneAt = clock + Math.round(airborneInS * 1e9);
        l.lat = unit.base().latDeg();
        l.lon = unit.base().lonDeg();
        l.altFt = unit.base().elevationFt();
        l.headingDeg = headingDeg;
        l.levelFt = levelFt;
        l.gsKt = speedKt;
        leads.put(scrambleId, l);
        return new String[] {"TEST01", "TEST02"};
    }

    @Override
    public void steer(String scrambleId, double headingDeg, double levelFt, double groundSpeedKt) {
        Lead l = leads.get(scrambleId);
        if (l == null) return;
        if (!Double.isNaN(headingDeg)) l.headingDeg = headingDeg;
        if (!Double.isNaN(levelFt)) l.levelFt = levelFt;
        if (!Double.isNaN(groundSpeedKt)) l.gsKt = groundSpeedKt;
        l.holding = null;
    }

    @Override
    public void holdOn(String scrambleId, FighterFix target) {
        Lead l = leads.get(scrambleId);
        if (l != null) l.holding = target;
    }

    @Override
    public void landed(String scrambleId) {
        Lead l = leads.get(scrambleId);
        if (l != null) l.landed = true;
    }

    @Override
    public boolean lead(String scrambleId, long nowNanos, FighterFix out) {
        Lead l = leads.get(scrambleId);
        if (l == null || l.landed || nowNanos < l.airborneAt) return false;
        out.set(nowNanos, l.lat, l.lon, l.altFt, l.gsKt, l.headingDeg);
        return true;
    }
}
