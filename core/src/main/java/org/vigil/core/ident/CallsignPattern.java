package org.vigil.core.ident;

import org.vigil.core.Callsigns;

/**
 * A callsign pattern matched against packed callsigns without unpacking them: each of the eight
 * 6-bit characters is either fixed or free. Written as text: letters, digits and spaces match
 * themselves, {@code ?} any one character, and a trailing {@code *} any rest (including the
 * padding). There is no "any digit": a bit mask cannot say it, and lists do not need it. Without {@code *} the rest
 * must be padding, so {@code "RCH"} matches only "RCH". Examples: {@code "NATO*"}, {@code "RCH???"},
 * {@code "BGF*"}.
 *
 * <p>Invariant: {@code (value & ~mask) == 0}; {@link #matches} is one AND and one compare.
 */
public final class CallsignPattern {
    private final String text;
    private final long mask;
    private final long value;

    private CallsignPattern(String text, long mask, long value) {
        this.text = text;
        this.mask = mask;
        this.value = value;
    }

    /** @throws IllegalArgumentException for characters outside A-Z 0-9 space ? *, or more than eight */
    public static CallsignPattern of(String text) {
        String t = text.strip().toUpperCase(java.util.Locale.ROOT);
        int star = t.indexOf('*');
        if (star >= 0 && star != t.length() - 1)
            throw new IllegalArgumentException("callsign pattern '" + text + "': '*' only at the end");
        String fixed = star >= 0 ? t.substring(0, star) : t;
        if (fixed.isEmpty() || fixed.length() > 8)
            throw new IllegalArgumentException("callsign pattern '" + text + "': 1 to 8 characters");
        long mask = 0, value = 0;
        for (int i = 0; i < 8; i++) {
            int code;
            boolean free;
            if (i < fixed.length()) {
                char ch = fixed.charAt(i);
                free = ch == '?';
                code = free ? 0 : Callsigns.codeOf(ch);
                if (code < 0)
                    throw new IllegalArgumentException("callsign pattern '" + text + "': bad character '" + ch + "'");
            } else {
                free = star >= 0;
                code = free ? 0 : Callsigns.SPACE;
            }
            mask = (mask << 6) | (free ? 0 : 0x3F);
            value = (value << 6) | code;
        }
        return new CallsignPattern(t, mask, value);
    }

    /** Whether the packed callsign matches; 0 (no callsign) never does. */
    public boolean matches(long packedCallsign) {
        return packedCallsign != 0 && (packedCallsign & mask) == value;
    }

    @Override
    public String toString() {
        return text;
    }
}
