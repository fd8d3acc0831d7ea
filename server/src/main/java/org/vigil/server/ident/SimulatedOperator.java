package org.vigil.server.ident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vigil.core.ident.IdentificationEngine;
import org.vigil.core.ident.TrackIdentity;

/**
 * The operator inputs of a replayed scenario, simulated: in a live system a controller tells
 * Vigil that an aircraft stopped answering; in a {@code vigil sim} recording nobody is there, so the
 * simulator's truth events stand in for that controller. Truth event {@code radio-lost} becomes
 * {@link IdentificationEngine#radioContactLost}(track, true) and {@code radio-restored} (false),
 * attributed to the user {@value #USER}, at the first data time at or after the truth event when
 * the aircraft has a track (matched by ICAO address). In {@link Mode#NO_REPLY} mode the input is
 * instead "no reply since" the event time, so that the timed rule no-reply-to-controller decides.
 *
 * <p>Why the controller reacts at once: the scenario's event is the moment the crew stops
 * answering, which is the moment the controller's call goes unanswered; the delay measured on the
 * default scenario is then the system's own (from the input to the alert), not a guessed human one.
 *
 * <p>Only truth events are read (state lines are skipped by a text test before parsing), so this
 * is cheap even on a long recording. Not thread-safe: driven by {@link IdentStage} under its monitor.
 */
public final class SimulatedOperator {
    /** The user name recorded for the simulated controller's inputs. */
    public static final String USER = "sim-controller";

    /** How the controller's report is entered. */
    public enum Mode {
        /** Radio contact lost declared at the event (rule radio-contact-lost). */
        DECLARE_LOST,
        /** "No reply since" the event (rule no-reply-to-controller, after its limit). */
        NO_REPLY
    }

    /** One scripted input: at {@code timeNanos}, the aircraft {@code icao} lost ({@code lost}) or regained radio contact. */
    public record Input(long timeNanos, int icao, boolean lost) {}

    private final List<Input> inputs;
    private final Mode mode;
    private final boolean[] done;
    private int firstOpen;
    private long applied, unmatched;
    private long nextTryNanos = Long.MIN_VALUE;
    /** An input whose aircraft has no track this long after it is dropped (counted as unmatched). */
    static final long GIVE_UP_NANOS = 600_000_000_000L;
    /** While an input waits for its aircraft's track, the tracks are searched at most this often. */
    static final long RETRY_NANOS = 1_000_000_000L;

    public SimulatedOperator(List<Input> inputs, Mode mode) {
        this.inputs = new ArrayList<>(inputs);
        this.inputs.sort((a, b) -> Long.compare(a.timeNanos, b.timeNanos));
        this.mode = mode;
        this.done = new boolean[this.inputs.size()];
    }

    /** The radio-lost / radio-restored events of a sim truth file. */
    public static SimulatedOperator fromTruth(Path truthJsonl, Mode mode) throws IOException {
        List<Input> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader r = Files.newBufferedReader(truthJsonl, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.contains("\"type\":\"event\"") || !line.contains("\"event\":\"radio-")) continue;
                JsonNode n = json.readTree(line);
                String e = n.path("event").asText("");
                if (!e.equals("radio-lost") && !e.equals("radio-restored")) continue;
                int icao = Integer.parseInt(n.path("icao").asText("0"), 16);
                out.add(new Input(n.path("epochMs").asLong() * 1_000_000L, icao, e.equals("radio-lost")));
            }
        }
        return new SimulatedOperator(out, mode);
    }

    public List<Input> inputs() {
        return List.copyOf(inputs);
    }

    /** Inputs entered into the engine so far. */
    public long applied() {
        return applied;
    }

    /** Inputs dropped because their aircraft had no track within {@link #GIVE_UP_NANOS}. */
    public long unmatched() {
        return unmatched;
    }

    /**
     * Enters every input due at {@code now} whose aircraft has a track; inputs whose aircraft is not
     * tracked yet wait for it. Costs one comparison when nothing is due.
     */
    void due(long now, IdentificationEngine engine) {
        while (firstOpen < inputs.size() && done[firstOpen]) firstOpen++;
        if (firstOpen >= inputs.size() || inputs.get(firstOpen).timeNanos > now || now < nextTryNanos) return;
        nextTryNanos = now + RETRY_NANOS;
        for (int i = firstOpen; i < inputs.size() && inputs.get(i).timeNanos <= now; i++) {
            if (done[i]) continue;
            Input in = inputs.get(i);
            int track = trackOf(engine, in.icao);
            if (track < 0) {
                if (now - in.timeNanos > GIVE_UP_NANOS) {
                    done[i] = true;
                    unmatched++;
                }
                continue;
            }
            boolean ok;
            if (mode == Mode.DECLARE_LOST) ok = engine.radioContactLost(track, in.lost, USER, now);
            else
                ok = in.lost
                        ? engine.noReplySince(track, in.timeNanos, USER, now)
                        : engine.replyReceived(track, USER, now);
            done[i] = true; // a refused input (counted by the engine) is not retried
            if (ok) applied++;
        }
    }

    private static int trackOf(IdentificationEngine engine, int icao) {
        int[] found = {-1};
        engine.forEachTrack((TrackIdentity t) -> {
            if (found[0] < 0 && t.facts().icaoAddress == icao) found[0] = t.trackNumber();
        });
        return found[0];
    }
}
