package org.vigil.core.qra.scramble;

import org.vigil.core.qra.Detachment;

/**
 * The fighters of an ordered scramble as far as the workflow can act on them. In a simulated run
 * ({@link SimulatedFighters}) the workflow launches and steers them; with real data it can do
 * neither ({@link #NONE}) and follows the fighters' tracks linked by address or callsign.
 */
public interface Fighters {
    /**
     * Puts {@code unit}'s aircraft in the air {@code airborneInS} seconds from now, heading for the
     * intercept point. Returns the callsigns given to them: empty when it launched none (the order
     * is carried out, e.g. the type is not flown), {@code null} when there is nothing to launch with
     * yet (no simulation attached): the workflow keeps the launch pending and asks again at its next tick.
     */
    String[] launch(
            String scrambleId, Detachment unit, double airborneInS, double headingDeg, double levelFt, double speedKt);

    /** Steers the lead of the scramble: heading (deg true), level (ft), ground speed wanted (kt); NaN keeps one. */
    void steer(String scrambleId, double headingDeg, double levelFt, double groundSpeedKt);

    /** Hands the lead over to station-keeping on the target last seen at {@code target} (shadow / escort). */
    void holdOn(String scrambleId, FighterFix target);

    /** Takes the flight out of the air (landed at base). */
    void landed(String scrambleId);

    /** Writes the lead's position into {@code out}; false when this controller does not know it. */
    boolean lead(String scrambleId, long nowNanos, FighterFix out);

    Fighters NONE = new Fighters() {
        @Override
        public String[] launch(String s, Detachment u, double a, double h, double l, double v) {
            return null; // nothing to launch with: real data (followed by address) or no simulation yet
        }

        @Override
        public void steer(String s, double h, double l, double v) {}

        @Override
        public void holdOn(String s, FighterFix t) {}

        @Override
        public void landed(String s) {}

        @Override
        public boolean lead(String s, long t, FighterFix out) {
            return false;
        }
    };
}
