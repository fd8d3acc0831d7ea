package org.vigil.core.ident;

/**
 * Where a track stands relative to protected national airspace (of the states that are NATO
 * members at the time): inside one, or heading into one and when. One per track, reused.
 */
public final class AirspaceSituation {
    /** Whether the last assessment ran (false until the first). */
    public boolean assessed;
    /** Inside the national airspace of a NATO state now. */
    public boolean inside;
    /** Heading into one within the horizon (not set when already inside). */
    public boolean entering;
    /** Seconds to entry (0 when inside, NaN when neither). */
    public double secondsToEntry = Double.NaN;
    /** Entry point (the position when inside). */
    public double entryLatDeg = Double.NaN;

    public double entryLonDeg = Double.NaN;
    /** ISO alpha-2 of the state inside or entered, or null. */
    public String state;

    public void clear() {
        assessed = inside = entering = false;
        secondsToEntry = entryLatDeg = entryLonDeg = Double.NaN;
        state = null;
    }
}
