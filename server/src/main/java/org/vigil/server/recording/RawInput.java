package org.vigil.server.recording;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * How the kinds of raw input are laid out in the recorder's journal, shared by the
 * {@link RecordingTap} (writing) and the replay's {@code RecordingInput} (reading).
 *
 * <p>The kind is in the journal's feed name, {@code KIND:NAME}, so the journal stays generic and
 * each segment (which declares its feeds) still reads on its own:
 * <ul>
 * <li>{@code modes:NAME}: one Mode S frame as a framer gave it: i64 MLAT clock (12 MHz ticks),
 *     i32 signal level, then the 7 or 14 frame bytes (little-endian). Receive and data time are the
 *     journal's own fields.</li>
 * <li>{@code asterix:NAME}: one ASTERIX block or datagram exactly as received; its receive time is
 *     the reference the decoder resolves times of day against, so a replay decodes the same plots.</li>
 * <li>{@code sbs:NAME}: one SBS (BaseStation) line as the receiver sent it, without its line end,
 *     UTF-8/ASCII; the data time is the message's time (a replay parses the line again and stamps
 *     the message with it).</li>
 * <li>{@code fpl:NAME}: ATS message text (ICAO FPL, CHG, DLA, ...), UTF-8.</li>
 * <li>{@code clock:NAME}: a tick of the live picture's clock (docs/REPLAY.md "Clock ticks"): the
 *     data time is the tick, the receive time the wall clock; the 8 bytes repeat the tick (i64).</li>
 * <li>{@code step:NAME}: a step of a simulation ({@code vigil demo}): the scramble workflow is
 *     ticked between the simulation's steps to fly its fighters; as a clock tick, the data time is
 *     the tick and the 8 bytes repeat it (i64).</li>
 * <li>{@code fighters:NAME}: one answer of a simulation's fighters to the scramble workflow
 *     ({@link FighterAnswers}: the callsigns a launch gave, the lead's position), journalled as it
 *     is given, right after the tick ({@code clock:} or {@code step:}) that asked: a replay hands
 *     a tick's answers over before the tick, so the workflow reads what it read live.</li>
 * <li>{@code op:actions}: one operator action, UTF-8 JSON ({@link Recorder#enterOperatorAction}): in
 *     the journal at the point of the input sequence where it took effect, so a restart rebuild
 *     carries it out again at the same point.</li>
 * </ul>
 */
public final class RawInput {
    public static final String MODES = "modes:";
    public static final String ASTERIX = "asterix:";
    public static final String FPL = "fpl:";
    public static final String SBS = "sbs:";
    public static final String CLOCK = "clock:";
    public static final String STEP = "step:";
    public static final String FIGHTERS = "fighters:";
    /** Bytes of a clock tick: the tick (i64, little-endian). */
    public static final int CLOCK_BYTES = 8;

    public static final String OPERATOR = "op:";
    /** The journal feed of operator actions. */
    public static final String OPERATOR_ACTIONS = OPERATOR + "actions";
    /** Bytes in front of a Mode S frame: MLAT clock and signal. */
    public static final int MODES_HEADER = 12;

    public static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    public static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    public enum Kind {
        MODES,
        ASTERIX,
        FPL,
        CLOCK,
        OPERATOR,
        SBS,
        STEP,
        FIGHTERS,
        UNKNOWN
    }

    public static Kind kindOf(String journalFeed) {
        if (journalFeed == null) return Kind.UNKNOWN;
        if (journalFeed.startsWith(MODES)) return Kind.MODES;
        if (journalFeed.startsWith(ASTERIX)) return Kind.ASTERIX;
        if (journalFeed.startsWith(FPL)) return Kind.FPL;
        if (journalFeed.startsWith(CLOCK)) return Kind.CLOCK;
        if (journalFeed.startsWith(OPERATOR)) return Kind.OPERATOR;
        if (journalFeed.startsWith(SBS)) return Kind.SBS;
        if (journalFeed.startsWith(STEP)) return Kind.STEP;
        if (journalFeed.startsWith(FIGHTERS)) return Kind.FIGHTERS;
        return Kind.UNKNOWN;
    }

    /** The source's own name (after {@code KIND:}). */
    public static String sourceName(String journalFeed) {
        int i = journalFeed.indexOf(':');
        return i < 0 ? journalFeed : journalFeed.substring(i + 1);
    }

    private RawInput() {}
}
