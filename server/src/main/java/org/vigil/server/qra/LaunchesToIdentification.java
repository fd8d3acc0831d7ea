package org.vigil.server.qra;

import java.util.function.Consumer;
import org.vigil.core.ident.IdentificationEngine;
import org.vigil.core.qra.Detachment;
import org.vigil.core.qra.scramble.ScrambleService;
import org.vigil.server.ident.IdentStage;

/**
 * Tells the identification engine of every launch of the scramble workflow
 * ({@link IdentificationEngine#expectLaunch}): the unit, its base, the callsigns given, the time to
 * airborne. The scrambled pair is then FRIEND from take-off and never the subject of an alert or of a
 * recommendation against it (issue #14). With real data no callsigns come back, and the engine
 * recognises the fighters by their first detection near the base after the order.
 *
 * <p>Called by the workflow ({@link ScrambleService#onLaunch}) on the picture's owner thread, which is
 * the engine's thread.
 */
public final class LaunchesToIdentification implements ScrambleService.LaunchListener {
    private Consumer<Consumer<IdentificationEngine>> engine = action -> {};
    /** Scrambles whose launch was told without callsigns (bounded by the scrambles ordered). */
    private final java.util.Set<String> toldWithoutCallsigns = new java.util.HashSet<>();

    /** The engine of {@code stage} to tell. */
    public LaunchesToIdentification tell(IdentStage stage) {
        this.engine = action -> stage.withEngine(e -> {
            action.accept(e);
            return null;
        });
        return this;
    }

    /** The engine to tell, directly. */
    public LaunchesToIdentification tell(IdentificationEngine e) {
        this.engine = action -> action.accept(e);
        return this;
    }

    @Override
    public void launched(String scrambleId, Detachment unit, String[] callsigns, double airborneInS) {
        // null: nothing to launch with yet, and the workflow asks again at every tick; the engine is told
        // of such a launch once (recognised by position), and again only when callsigns come back
        if (callsigns == null && !toldWithoutCallsigns.add(scrambleId)) return;
        engine.accept(e -> e.expectLaunch(
                "scramble " + scrambleId + " (" + unit.id() + ")",
                callsigns,
                unit.base().latDeg(),
                unit.base().lonDeg(),
                airborneInS,
                unit.count()));
    }
}
