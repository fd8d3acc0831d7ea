package org.vigil.codec.asterix;

import java.util.List;

/**
 * A primary subfield of presence bits then the present subfields in slot order. With
 * {@code fixedOctets == 0} the primary subfield is 7 bits + FX per octet; with
 * {@code fixedOctets > 0} (REF expansions, "compound 1") it is that many octets of 8 presence bits.
 * Unused slots are null names.
 */
public final class Compound extends Variation {
    public final int fixedOctets;
    public final List<String> names;
    public final List<Variation> subfields;

    Compound(int fixedOctets, List<String> names, List<Variation> subfields) {
        this.fixedOctets = fixedOctets;
        this.names = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(names));
        this.subfields = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(subfields));
    }

    public int slotsPerOctet() {
        return fixedOctets == 0 ? 7 : 8;
    }

    /** Slot index of a subfield name, -1 if none. */
    public int slot(String name) {
        return names.indexOf(name);
    }

    /** Octets of the primary subfield at off, or TRUNCATED / BAD_ITEM. */
    public int primaryLength(byte[] b, int off, int end) {
        if (fixedOctets > 0) return off + fixedOctets <= end ? fixedOctets : TRUNCATED;
        int max = (names.size() + 6) / 7;
        int p = off;
        while (true) {
            if (p >= end) return TRUNCATED;
            if ((b[p++] & 1) == 0) return p - off;
            if (p - off >= max) return BAD_ITEM; // FX beyond the last defined slot
        }
    }

    /** Whether slot i is flagged in the primary subfield of primaryLen octets at off. */
    public boolean present(byte[] b, int off, int primaryLen, int slot) {
        int per = slotsPerOctet();
        int octet = slot / per;
        if (octet >= primaryLen) return false;
        return (b[off + octet] & (0x80 >>> (slot % per))) != 0;
    }

    @Override
    public int bitSize() {
        return -1;
    }

    @Override
    public int length(byte[] b, int off, int end) {
        int pl = primaryLength(b, off, end);
        if (pl < 0) return pl;
        int p = off + pl;
        int per = slotsPerOctet();
        for (int o = 0; o < pl; o++) {
            int bits = b[off + o] & 0xFF;
            for (int i = 0; i < per; i++) {
                if ((bits & (0x80 >>> i)) == 0) continue;
                int slot = o * per + i;
                if (slot >= names.size() || names.get(slot) == null) return BAD_ITEM;
                int n = subfields.get(slot).length(b, p, end);
                if (n < 0) return n;
                p += n;
            }
        }
        return p - off;
    }

    /** Offset of the subfield in {@code slot}, or -1 when absent / malformed. No allocation. */
    public int subfieldOffset(byte[] b, int off, int end, int slot) {
        int pl = primaryLength(b, off, end);
        if (pl < 0 || !present(b, off, pl, slot)) return -1;
        int p = off + pl;
        for (int s = 0; s < slot; s++) {
            if (!present(b, off, pl, s)) continue;
            if (names.get(s) == null) return -1;
            int n = subfields.get(s).length(b, p, end);
            if (n < 0) return -1;
            p += n;
        }
        return p;
    }
}
