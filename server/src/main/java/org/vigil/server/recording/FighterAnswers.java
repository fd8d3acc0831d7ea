package org.vigil.server.recording;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.vigil.core.qra.Detachment;
import org.vigil.core.qra.scramble.FighterFix;
import org.vigil.core.qra.scramble.Fighters;

/**
 * A simulation's fighters as a recorded input ({@link RawInput} {@code fighters:NAME}): what the
 * simulated fighters answer the scramble workflow — the callsigns a launch gave, the lead's position
 * — is journalled as it is given, so that a replay of the recording answers the same
 * ({@code replay.RecordedFighters}) and the workflow's events come out byte for byte as live. The
 * commands (steer, hold on, landed) change only the simulation, whose frames are journalled anyway.
 *
 * <p>Layout (little-endian): kind byte ({@link #LAUNCH} or {@link #LEAD}), the scramble id (u16
 * length, UTF-8); a launch: i32 callsign count (-1: nothing to launch with), each callsign (u16
 * length, UTF-8); a lead: one byte known (0/1), then, when known, i64 time and five f64 (latitude,
 * longitude, altitude ft, ground speed kt, track deg).
 */
public final class FighterAnswers {
    public static final byte LAUNCH = 'L', LEAD = 'P';

    /** One decoded answer. {@code callsigns} null: a launch that had nothing to launch with. */
    public record Answer(
            byte kind,
            String scrambleId,
            java.util.List<String> callsigns,
            boolean known,
            long timeNanos,
            double latDeg,
            double lonDeg,
            double altitudeFt,
            double groundSpeedKt,
            double trackDeg) {}

    private FighterAnswers() {}

    /** The answer in {@code b[off, off+len)}; a clear {@link IllegalArgumentException} when it is not one. */
    public static Answer decode(byte[] b, int off, int len) {
        try {
            ByteBuffer in = ByteBuffer.wrap(b, off, len).order(ByteOrder.LITTLE_ENDIAN);
            byte kind = in.get();
            String id = string(in);
            if (kind == LAUNCH) {
                int n = in.getInt();
                if (n < -1 || n > 64) throw new IllegalArgumentException("callsign count " + n);
                String[] cs = n < 0 ? null : new String[n];
                for (int i = 0; i < n; i++) cs[i] = string(in);
                return new Answer(
                        kind,
                        id,
                        cs == null ? null : java.util.List.of(cs),
                        false,
                        0,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN);
            }
            if (kind != LEAD) throw new IllegalArgumentException("unknown answer kind " + kind);
            boolean known = in.get() != 0;
            if (!known)
                return new Answer(kind, id, null, false, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            return new Answer(
                    kind,
                    id,
                    null,
                    true,
                    in.getLong(),
                    in.getDouble(),
                    in.getDouble(),
                    in.getDouble(),
                    in.getDouble(),
                    in.getDouble());
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("fighter answer cut short (" + len + " bytes)", e);
        }
    }

    private static String string(ByteBuffer in) {
        int n = Short.toUnsignedInt(in.getShort());
        byte[] s = new byte[n];
        in.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }

    private static void string(ByteBuffer out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.putShort((short) b.length).put(b);
    }

    /**
     * {@code simulated}, with every answer journalled through {@code tap} as {@code fighters:NAME}.
     * On the picture's owner thread, as the workflow calls its fighters.
     */
    static Fighters journalled(Fighters simulated, RecordingTap tap, String name) {
        return new Fighters() {
            private final ByteBuffer out = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);

            @Override
            public String[] launch(
                    String scrambleId,
                    Detachment unit,
                    double airborneInS,
                    double headingDeg,
                    double levelFt,
                    double speedKt) {
                String[] cs = simulated.launch(scrambleId, unit, airborneInS, headingDeg, levelFt, speedKt);
                out.clear();
                out.put(LAUNCH);
                string(out, scrambleId);
                out.putInt(cs == null ? -1 : cs.length);
                if (cs != null) for (String c : cs) string(out, c);
                tap.fighterAnswer(name, out.array(), out.position());
                return cs;
            }

            @Override
            public boolean lead(String scrambleId, long nowNanos, FighterFix fix) {
                boolean known = simulated.lead(scrambleId, nowNanos, fix);
                out.clear();
                out.put(LEAD);
                string(out, scrambleId);
                out.put((byte) (known ? 1 : 0));
                if (known)
                    out.putLong(fix.timeNanos)
                            .putDouble(fix.latDeg)
                            .putDouble(fix.lonDeg)
                            .putDouble(fix.altitudeFt)
                            .putDouble(fix.groundSpeedKt)
                            .putDouble(fix.trackDeg);
                tap.fighterAnswer(name, out.array(), out.position());
                return known;
            }

            @Override
            public void steer(String scrambleId, double headingDeg, double levelFt, double groundSpeedKt) {
                simulated.steer(scrambleId, headingDeg, levelFt, groundSpeedKt);
            }

            @Override
            public void holdOn(String scrambleId, FighterFix target) {
                simulated.holdOn(scrambleId, target);
            }

            @Override
            public void landed(String scrambleId) {
                simulated.landed(scrambleId);
            }
        };
    }
}
