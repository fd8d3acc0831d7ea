package org.vigil.codec.asterix;

import java.util.List;

/**
 * Parts (usually one octet: 7 data bits + FX) that continue while the FX bit ending the part is 1.
 * A part can be longer than one octet (e.g. REF SGV: 15 bits + FX). Fields carry bit offsets that
 * count the FX bits, so a field is present iff {@code bitOffset / 8 < item length}. A sender may stop after any octet; a
 * sender of a newer edition may add octets we do not know: those are skipped (length still
 * follows FX), so older and newer editions stay in step.
 */
public final class Extended extends Variation {
    public final List<Field> fields;
    /** Octets the spec defines. */
    public final int octets;
    /** Bit offset just past each part's FX bit, ascending; all multiples of 8. */
    private final int[] partEnds;

    Extended(List<Field> fields, int[] partEnds) {
        this.fields = List.copyOf(fields);
        this.partEnds = partEnds.clone();
        this.octets = partEnds[partEnds.length - 1] / 8;
    }

    /** Octets needed to carry a field at {@code bitOffset}: the end of its part. */
    public int octetsFor(int bitOffset) {
        for (int e : partEnds) if (bitOffset < e) return e / 8;
        return octets;
    }

    /** Whether {@code octet} ends a part (holds an FX bit in its last bit). */
    public boolean endsPart(int octet) {
        for (int e : partEnds) if (e / 8 == octet + 1) return true;
        return octet >= octets; // unknown extension octets are one-octet parts
    }

    @Override
    public int bitSize() {
        return -1;
    }

    @Override
    public int length(byte[] b, int off, int end) {
        for (int e : partEnds) {
            int p = off + e / 8;
            if (p > end) return TRUNCATED;
            if ((b[p - 1] & 1) == 0) return p - off;
        }
        // FX set on the last known part: a newer edition's octets, skipped one octet at a time
        int p = off + octets;
        while (true) {
            if (p >= end) return TRUNCATED;
            if ((b[p++] & 1) == 0) return p - off;
        }
    }

    public Field field(String name) {
        return Field.named(fields, name);
    }
}
