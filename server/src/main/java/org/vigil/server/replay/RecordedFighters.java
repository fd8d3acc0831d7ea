package org.vigil.server.replay;

import java.util.ArrayList;
import java.util.List;
import org.vigil.core.qra.Detachment;
import org.vigil.core.qra.scramble.FighterFix;
import org.vigil.core.qra.scramble.Fighters;
import org.vigil.server.recording.FighterAnswers;

/**
 * A recorded simulation's fighters, in a replay of the recording: the scramble workflow gets the
 * answers the simulated fighters gave it live ({@code fighters:NAME} in the journal, handed over
 * before each tick), so its launches, phases and re-plans — and its events — are the live run's.
 * Each call takes the first answer of the tick not yet taken for the same scramble and question;
 * a question with no answer (a recording made without a simulation, or from before answers were
 * journalled) is answered as {@link Fighters#NONE} would and counted. Commands reach no aircraft.
 * On the replaying thread.
 */
public final class RecordedFighters implements Fighters, ReplaySinks.FighterAnswerSink {
    private final List<FighterAnswers.Answer> tick = new ArrayList<>();
    private boolean[] taken = new boolean[8];
    private long unanswered, unasked;

    @Override
    public void beforeTick(List<FighterAnswers.Answer> answers) {
        for (int i = 0; i < tick.size(); i++) if (!taken[i]) unasked++;
        tick.clear();
        tick.addAll(answers);
        if (taken.length < tick.size()) taken = new boolean[tick.size() * 2];
        java.util.Arrays.fill(taken, false);
    }

    private FighterAnswers.Answer take(byte kind, String scrambleId) {
        for (int i = 0; i < tick.size(); i++) {
            FighterAnswers.Answer a = tick.get(i);
            if (!taken[i] && a.kind() == kind && a.scrambleId().equals(scrambleId)) {
                taken[i] = true;
                return a;
            }
        }
        unanswered++;
        return null;
    }

    @Override
    public String[] launch(
            String scrambleId, Detachment unit, double airborneInS, double headingDeg, double levelFt, double speedKt) {
        FighterAnswers.Answer a = take(FighterAnswers.LAUNCH, scrambleId);
        return a == null || a.callsigns() == null ? null : a.callsigns().toArray(new String[0]);
    }

    @Override
    public boolean lead(String scrambleId, long nowNanos, FighterFix out) {
        FighterAnswers.Answer a = take(FighterAnswers.LEAD, scrambleId);
        if (a == null || !a.known()) return false;
        out.set(a.timeNanos(), a.latDeg(), a.lonDeg(), a.altitudeFt(), a.groundSpeedKt(), a.trackDeg());
        return true;
    }

    @Override
    public void steer(String scrambleId, double headingDeg, double levelFt, double groundSpeedKt) {}

    @Override
    public void holdOn(String scrambleId, FighterFix target) {}

    @Override
    public void landed(String scrambleId) {}

    /** Questions of the workflow the recording had no answer for (0 when the replay is the live run). */
    public long unanswered() {
        return unanswered;
    }

    /** Recorded answers no question took (0 when the replay is the live run). */
    public long unasked() {
        return unasked;
    }
}
