package org.vigil.core.ident;

/**
 * How long a rule's condition must hold before the rule fires, and how long it must be absent before
 * it clears (hysteresis): data per rule in the rules file ({@code fire-updates}, {@code fire-window},
 * {@code fire-s}, {@code clear-updates}, {@code clear-s}; docs/IDENTIFICATION.md). A sample is one
 * track update at a new data time (several callbacks for the same plot count once).
 *
 * <p>Fires when the condition holds now, held in at least {@code fireUpdates} of the last
 * {@code fireWindow} samples, and has held (with at most window-sized gaps) for {@code fireNanos} since
 * it first appeared. Clears when the condition has been absent for {@code clearUpdates} samples in a
 * row and for {@code clearNanos}. Why: one corrupted sample (a velocity, a code, a mis-associated plot)
 * must never raise an alert, and a cause that flickers must not raise and clear it repeatedly.
 */
public record Persistence(int fireUpdates, int fireWindow, long fireNanos, int clearUpdates, long clearNanos) {
    /** Longest window: the sample history is one int per evidence. */
    public static final int MAX_WINDOW = 32;
    /** Fires on the first sample and clears on the first sample without the condition (operator inputs, identity rules). */
    public static final Persistence IMMEDIATE = new Persistence(1, 1, 0, 1, 0);

    public Persistence {
        if (fireUpdates < 1 || fireWindow < fireUpdates || fireWindow > MAX_WINDOW)
            throw new IllegalArgumentException("need 1 <= fire-updates <= fire-window <= " + MAX_WINDOW);
        if (clearUpdates < 1) throw new IllegalArgumentException("clear-updates must be >= 1");
        if (fireNanos < 0 || clearNanos < 0) throw new IllegalArgumentException("negative duration");
    }

    static Persistence of(int fireUpdates, int fireWindow, double fireS, int clearUpdates, double clearS) {
        return new Persistence(
                fireUpdates, fireWindow, Math.round(fireS * 1e9), clearUpdates, Math.round(clearS * 1e9));
    }

    /** The low {@code fireWindow} bits. */
    int windowMask() {
        return fireWindow == 32 ? -1 : (1 << fireWindow) - 1;
    }
}
