package org.vigil.codec.modes;

/**
 * Forwarding shim: the callsign encoding now lives in {@link org.vigil.core.Callsigns}. Kept only
 * so that files still being edited elsewhere compile (ModeSDecoder, CommB); no logic here. Remove
 * once nothing imports it.
 *
 * @deprecated use {@link org.vigil.core.Callsigns}
 */
@Deprecated(forRemoval = true)
public final class Callsigns {
    private Callsigns() {}

    /** @see org.vigil.core.Callsigns#charOf */
    public static char charOf(int code) {
        return org.vigil.core.Callsigns.charOf(code);
    }

    /** @see org.vigil.core.Callsigns#isValid */
    public static boolean isValid(long packed) {
        return org.vigil.core.Callsigns.isValid(packed);
    }

    /** @see org.vigil.core.Callsigns#unpack */
    public static String unpack(long packed) {
        return org.vigil.core.Callsigns.unpack(packed);
    }

    /** @see org.vigil.core.Callsigns#pack */
    public static long pack(CharSequence text) {
        return org.vigil.core.Callsigns.pack(text);
    }
}
